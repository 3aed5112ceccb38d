import * as tf from "@tensorflow/tfjs";
import { MEL_BAND_COUNT } from "@wakeforge/audio";
import { SurgeryError } from "../surgery/surgery-error.js";
import { windowFrames } from "./examples.js";

/**
 * One model from a window of base-input log-mel frames to a score: a fully convolutional base
 * ([N, T, 32, 1] → [N, T', dims], see fullyConvolutionalBase) applied once over
 * 76 + 8·(W − 1) frames, giving exactly the W embeddings the head reads, then the head. Input
 * `[batch, frames, 32, 1]` (196 frames for a 16-embedding head), output `[batch, 1]`. Layers
 * are shared with `fcBase` and `head`: training the detector trains them (the scratch run),
 * freezing base layers keeps them (fine-tuning).
 */
export function composeFullyConvolutionalDetector(
  fcBase: tf.LayersModel,
  head: tf.LayersModel,
  options: { name?: string } = {},
): tf.LayersModel {
  const headShape = head.inputs[0]?.shape;
  const baseOutput = fcBase.outputs[0]?.shape;
  if (!headShape || headShape.length !== 3 || !baseOutput || baseOutput.length !== 3) {
    throw new SurgeryError(
      "composeFullyConvolutionalDetector needs a head taking [batch, windows, dims] and a fully " +
        "convolutional base giving [batch, time, dims]",
    );
  }
  const [, windows, dims] = headShape as [null, number, number];
  if (baseOutput[2] !== dims) {
    throw new SurgeryError(
      `head "${head.name}" takes ${dims}-d embeddings but base "${fcBase.name}" gives ${baseOutput[2]}`,
    );
  }
  const frames = windowFrames(windows);
  const input = tf.input({ shape: [frames, MEL_BAND_COUNT, 1], name: "log_mel_window" });
  const embeddings = tf.layers
    .reshape({ targetShape: [windows, dims], name: "window_embeddings" })
    .apply(fcBase.apply(input)) as tf.SymbolicTensor;
  const score = head.apply(embeddings) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: score, name: options.name ?? "fc_detector" });
}
