import * as tf from "@tensorflow/tfjs";
import { SeededDropout } from "./seeded-dropout.js";
import { tfjsSeed } from "./tfjs-seed.js";
import { SurgeryError } from "./surgery-error.js";

/** One hidden layer of the trigger-word network. */
export interface HeadLayerSpec {
  readonly units: number;
  readonly activation?: "relu" | "elu" | "tanh" | "linear";
  /** Dropout after this layer during training (0..1). */
  readonly dropout?: number;
}

/**
 * The small network attached to the base: hidden dense layers over the flattened window of
 * embeddings, then one sigmoid unit. The default is the seed article's three new layers.
 */
export interface HeadSpec {
  /** Embeddings the head sees at once (16 × 80 ms ≈ 1.3 s for the speech-embedding base). */
  readonly windowEmbeddings: number;
  readonly embeddingDims: number;
  readonly hidden: readonly HeadLayerSpec[];
}

export const DEFAULT_HEAD_SPEC: HeadSpec = {
  windowEmbeddings: 16,
  embeddingDims: 96,
  hidden: [
    { units: 64, activation: "relu", dropout: 0.2 },
    { units: 64, activation: "relu", dropout: 0.2 },
  ],
};

function checkSpec(spec: HeadSpec): void {
  const positiveInteger = (value: number) => Number.isInteger(value) && value > 0;
  if (!positiveInteger(spec.windowEmbeddings) || !positiveInteger(spec.embeddingDims)) {
    throw new SurgeryError(
      `head input must be whole positive sizes, got ${spec.windowEmbeddings}×${spec.embeddingDims}`,
    );
  }
  spec.hidden.forEach((layer, i) => {
    if (!positiveInteger(layer.units)) {
      throw new SurgeryError(
        `head layer ${i + 1}: units must be a positive integer, got ${layer.units}`,
      );
    }
    if (layer.dropout !== undefined && !(layer.dropout >= 0 && layer.dropout < 1)) {
      throw new SurgeryError(
        `head layer ${i + 1}: dropout must be in [0, 1), got ${layer.dropout}`,
      );
    }
  });
}

/**
 * Builds the trigger-word head: `[windowEmbeddings, embeddingDims]` in, one score in 0..1 out.
 * Layer names start with `head_` so they are easy to select for freezing and reports. A seed
 * makes the initial weights reproducible (the scratch and transfer runs of one comparison use
 * the same seed).
 */
export function buildHead(
  spec: HeadSpec = DEFAULT_HEAD_SPEC,
  options: { seed?: number; name?: string } = {},
): tf.LayersModel {
  checkSpec(spec);
  const seed = options.seed ?? 0;
  const input = tf.input({
    shape: [spec.windowEmbeddings, spec.embeddingDims],
    name: "head_input",
  });
  let x = tf.layers.flatten({ name: "head_flatten" }).apply(input) as tf.SymbolicTensor;
  spec.hidden.forEach((layer, i) => {
    x = tf.layers
      .dense({
        units: layer.units,
        activation: layer.activation ?? "relu",
        kernelInitializer: tf.initializers.heNormal({ seed: tfjsSeed(seed, i) }),
        name: `head_dense_${i + 1}`,
      })
      .apply(x) as tf.SymbolicTensor;
    if (layer.dropout) {
      x = new SeededDropout({
        rate: layer.dropout,
        seed: tfjsSeed(seed, 100 + i),
        name: `head_dropout_${i + 1}`,
      }).apply(x) as tf.SymbolicTensor;
    }
  });
  const output = tf.layers
    .dense({
      units: 1,
      activation: "sigmoid",
      kernelInitializer: tf.initializers.glorotUniform({ seed: tfjsSeed(seed, 999) }),
      name: "head_output",
    })
    .apply(x) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: output, name: options.name ?? "trigger_head" });
}
