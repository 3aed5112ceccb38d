import * as tf from "@tensorflow/tfjs";
import { selectLayers } from "./select-layers.js";
import { SurgeryError } from "./surgery-error.js";

/**
 * A model from the same inputs to the output of `layerName`: every layer after it is cut off.
 * The new model shares the layers (and so the weights) of the original.
 */
export function cutAt(model: tf.LayersModel, layerName: string, name?: string): tf.LayersModel {
  const [layer] = selectLayers(model, layerName);
  if (!layer) throw new SurgeryError(`cannot cut model "${model.name}" at "${layerName}"`);
  const output = layer.output;
  if (Array.isArray(output)) {
    throw new SurgeryError(
      `layer "${layerName}" has several outputs; cut at a single-output layer`,
    );
  }
  return tf.model({
    inputs: model.inputs,
    outputs: output,
    name: name ?? `${model.name}_cut_at_${layerName}`,
  });
}

/** The model without its output layer: the seed article's first step of transfer learning. */
export function dropOutputLayer(model: tf.LayersModel, name?: string): tf.LayersModel {
  const penultimate = model.layers.at(-2);
  if (!penultimate) {
    throw new SurgeryError(`model "${model.name}" has a single layer; there is nothing to keep`);
  }
  return cutAt(model, penultimate.name, name);
}
