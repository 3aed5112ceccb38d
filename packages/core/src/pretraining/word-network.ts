// The word-recognition network `wakeforge pretrain` trains from scratch: about seven layers, as
// in the seed article, shaped so that it can stand in for the imported speech-embedding base.
// It takes the same input (76 log-mel frames × 32 bands), pads only the mel axis so every
// convolution is valid in time, and halves time three times: a time stride of 8, so
// `fullyConvolutionalBase` turns it into one pass per clip with an embedding every 80 ms, exactly
// as it does for the imported base. Its layer "embedding" (96 values) is what a trigger-word head
// reads once surgery has dropped the word output layer.
import * as tf from "@tensorflow/tfjs";
import { EMBEDDING_OUTPUT_LAYER } from "../models/speech-embedding.js";
import { SPEECH_EMBEDDING } from "../models/zoo.js";
import { SeededDropout } from "../surgery/seeded-dropout.js";
import { tfjsSeed } from "../surgery/tfjs-seed.js";
import { WakeforgeCoreError } from "../errors.js";

/** The layer surgery drops: a softmax over the corpus's words. */
export const WORD_OUTPUT_LAYER = "word_output";

export interface WordNetworkSpec {
  /** Classes of the output layer (words, plus any non-word class). */
  readonly classes: number;
  /** Filters of the three convolution blocks. Default [32, 48, 64]. */
  readonly filters?: readonly [number, number, number];
  /** Dropout before the embedding layer. Default 0.2. */
  readonly dropout?: number;
}

const [, WINDOW_FRAMES, MEL_BANDS, CHANNELS] = SPEECH_EMBEDDING.inputShape as readonly [
  null,
  number,
  number,
  number,
];
const EMBEDDING_DIMS = SPEECH_EMBEDDING.outputShape[1] as number;

/** Frames left in time after three valid 3-wide convolutions, each followed by a 2× pool. */
function framesAfterBlocks(frames: number): number {
  let t = frames;
  for (let block = 0; block < 3; block += 1) t = Math.floor((t - 2) / 2);
  return t;
}

/**
 * A fresh word network: [N, 76, 32, 1] → softmax over `classes`, with the layer named
 * "embedding" giving [N, 96] just before the output. Weights are drawn from `seed`.
 */
export function buildWordNetwork(spec: WordNetworkSpec, seed = 0): tf.LayersModel {
  if (!Number.isInteger(spec.classes) || spec.classes < 2) {
    throw new WakeforgeCoreError(
      "BAD_WORD_NETWORK",
      `a word network needs at least 2 classes, got ${spec.classes}`,
    );
  }
  const filters = spec.filters ?? [32, 48, 64];
  const input = tf.input({ shape: [WINDOW_FRAMES, MEL_BANDS, CHANNELS], name: "log_mel" });
  let x: tf.SymbolicTensor = input;
  let bands = MEL_BANDS;
  filters.forEach((count, block) => {
    // Padding on the mel axis only: time stays valid, so windows map to embeddings 8 frames apart.
    x = tf.layers
      .zeroPadding2d({
        padding: [
          [0, 0],
          [1, 1],
        ],
        name: `word_pad_${block + 1}`,
      })
      .apply(x) as tf.SymbolicTensor;
    x = tf.layers
      .conv2d({
        filters: count,
        kernelSize: 3,
        useBias: false,
        kernelInitializer: tf.initializers.heNormal({ seed: tfjsSeed(seed, block + 1) }),
        name: `word_conv_${block + 1}`,
      })
      .apply(x) as tf.SymbolicTensor;
    // The base input is log-mel scaled to about 0…4, not centred: normalising each block's
    // output is what lets a from-scratch network learn at all in a few epochs.
    x = tf.layers
      .batchNormalization({ momentum: 0.9, name: `word_norm_${block + 1}` })
      .apply(x) as tf.SymbolicTensor;
    x = tf.layers.reLU({ name: `word_relu_${block + 1}` }).apply(x) as tf.SymbolicTensor;
    x = tf.layers
      .maxPooling2d({ poolSize: 2, strides: 2, name: `word_pool_${block + 1}` })
      .apply(x) as tf.SymbolicTensor;
    bands = Math.floor(bands / 2);
  });
  x = new SeededDropout({
    rate: spec.dropout ?? 0.2,
    seed: tfjsSeed(seed, 50),
    name: "word_dropout",
  }).apply(x) as tf.SymbolicTensor;
  // The whole remaining window in one kernel: [N, T', 1, 96], one embedding per 8 frames of T.
  x = tf.layers
    .conv2d({
      filters: EMBEDDING_DIMS,
      kernelSize: [framesAfterBlocks(WINDOW_FRAMES), bands],
      activation: "relu",
      kernelInitializer: tf.initializers.heNormal({ seed: tfjsSeed(seed, 60) }),
      name: "word_conv_embedding",
    })
    .apply(x) as tf.SymbolicTensor;
  const embedding = tf.layers
    .reshape({ targetShape: [EMBEDDING_DIMS], name: EMBEDDING_OUTPUT_LAYER })
    .apply(x) as tf.SymbolicTensor;
  const output = tf.layers
    .dense({
      units: spec.classes,
      activation: "softmax",
      kernelInitializer: tf.initializers.glorotUniform({ seed: tfjsSeed(seed, 70) }),
      name: WORD_OUTPUT_LAYER,
    })
    .apply(embedding) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: output, name: "word_network" });
}
