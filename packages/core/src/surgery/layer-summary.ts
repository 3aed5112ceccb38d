import * as tf from "@tensorflow/tfjs";

export interface LayerSummary {
  readonly index: number;
  readonly name: string;
  readonly className: string;
  /** Output shape with the batch dimension as null; several shapes for multi-output layers. */
  readonly outputShape: readonly (number | null)[] | readonly (readonly (number | null)[])[];
  readonly parameterCount: number;
  readonly trainable: boolean;
}

/** The layers of a model in order, with the facts surgery decisions are made on. */
export function listLayers(model: tf.LayersModel): LayerSummary[] {
  return model.layers.map((layer, index) => ({
    index,
    name: layer.name,
    className: layer.getClassName(),
    outputShape: layer.outputShape as LayerSummary["outputShape"],
    parameterCount: layer.countParams(),
    trainable: layer.trainable,
  }));
}

/** Parameters that training would change (those of trainable layers). */
export function countTrainableParameters(model: tf.LayersModel): number {
  // Weight shapes are always concrete (no batch dimension), so the cast is safe.
  return model.trainableWeights.reduce(
    (sum, weight) => sum + tf.util.sizeFromShape(weight.shape as number[]),
    0,
  );
}
