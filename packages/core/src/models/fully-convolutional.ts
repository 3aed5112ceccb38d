// The base is fully convolutional along time (valid convolutions in time, padding only on the
// mel axis) with a total time stride of 8: one pass over a clip's whole log-mel gives the
// embedding of every 76-frame window at an 8-frame hop. This rebuilds the base with a free time
// dimension by applying the same layer objects (so the same weights) to a new input.
import * as tf from "@tensorflow/tfjs";
import { WakeforgeCoreError } from "../errors.js";
import { EMBEDDING_OUTPUT_LAYER } from "./speech-embedding.js";
import { SPEECH_EMBEDDING } from "./zoo.js";

/**
 * From the windowed base ([N, 76, 32, 1] → [N, 96]) to one that takes [N, T, 32, 1] (T ≥ 76)
 * and gives [N, floor((T - 76) / 8) + 1, 96]: row k is the embedding of frames 8k … 8k+75.
 * Shares its layers (and weights) with `base`: freezing or training one affects both. Built once
 * per base: the layers can be applied to a second input only once, so later calls (training,
 * then evaluation of the same base) get the same model.
 */
export function fullyConvolutionalBase(base: tf.LayersModel): tf.LayersModel {
  let model = built.get(base);
  if (!model) {
    model = buildFullyConvolutionalBase(base);
    built.set(base, model);
  }
  return model;
}

const built = new WeakMap<tf.LayersModel, tf.LayersModel>();

function buildFullyConvolutionalBase(base: tf.LayersModel): tf.LayersModel {
  const [, , bands, channels] = SPEECH_EMBEDDING.inputShape;
  const input = tf.input({ shape: [null, bands, channels], name: "log_mel" });
  let x: tf.SymbolicTensor = input;
  const [inputLayer, ...layers] = base.layers;
  if (!inputLayer || inputLayer.getClassName() !== "InputLayer") {
    throw new WakeforgeCoreError(
      "NOT_A_BASE",
      `model "${base.name}" does not start with an input layer`,
    );
  }
  for (const layer of layers) {
    if (layer.name === EMBEDDING_OUTPUT_LAYER) break;
    if (layer.inboundNodes.length !== 1 || layer.inboundNodes[0]?.inboundLayers.length !== 1) {
      throw new WakeforgeCoreError(
        "NOT_A_CHAIN",
        `layer "${layer.name}" is not part of a single chain of layers`,
      );
    }
    x = layer.apply(x) as tf.SymbolicTensor;
  }
  // [N, T', 1, 96] → [N, T', 96]
  const embeddings = tf.layers
    .reshape({ targetShape: [-1, SPEECH_EMBEDDING.outputShape[1]], name: EMBEDDING_OUTPUT_LAYER })
    .apply(x) as tf.SymbolicTensor;
  return tf.model({
    inputs: input,
    outputs: embeddings,
    name: `${SPEECH_EMBEDDING.id}-fully-convolutional`,
  });
}
