import * as tf from "@tensorflow/tfjs";
import {
  EMBEDDING_DIMENSIONS,
  EMBEDDING_WINDOW_FRAMES,
  MEL_BAND_COUNT,
  type LogMel,
} from "@wakeforge/audio";
import { baseInputForClip } from "./base-input.js";
import { compileInferenceChain, type InferenceChain } from "./inference-chain.js";

/** Embeddings in time order, row-major: embedding k is `values[k·dims … (k+1)·dims)`. */
export interface Embeddings {
  readonly values: Float32Array;
  readonly count: number;
  readonly dims: number;
}

export const NO_EMBEDDINGS: Embeddings = {
  values: new Float32Array(0),
  count: 0,
  dims: EMBEDDING_DIMENSIONS,
};

/**
 * Frames the base reads in one pass, at most: about two minutes of audio, some 85 MB at the
 * pass's peak (about 7 KB a frame). The wasm heap stops at 4 GiB; a batch of 32 half-minute
 * background pieces in one pass, holding every layer's output (46 KB a frame), aborted training.
 */
export const MAX_FRAMES_PER_PASS = 12_000;

/**
 * Runs a fully convolutional base (input [N, T, 32, 1], output [N, n, dims]) over log-mel
 * frames: one pass yields every 76-frame window's embedding at an 8-frame hop.
 */
export class Embedder {
  readonly dims: number;
  /** The base as plain ops (several times faster than predict on wasm), when it compiles. */
  private readonly chain: InferenceChain | undefined;

  constructor(readonly fullyConvolutionalBase: tf.LayersModel) {
    const output = fullyConvolutionalBase.outputs[0];
    this.dims = output?.shape.at(-1) ?? EMBEDDING_DIMENSIONS;
    this.chain = compileInferenceChain(fullyConvolutionalBase);
  }

  /** Embeddings of base-input frames (already scaled x/10 + 2, first window starting at frame 0). */
  embedFrames(input: LogMel): Embeddings {
    if (input.frameCount < EMBEDDING_WINDOW_FRAMES) return { ...NO_EMBEDDINGS, dims: this.dims };
    return this.embedBatch([input])[0] ?? { ...NO_EMBEDDINGS, dims: this.dims };
  }

  /**
   * Several inputs of equal length (training batches of fixed-length clips), in passes of at
   * most `maxFramesPerPass` frames in all (one input longer than that still goes whole).
   */
  embedBatch(inputs: readonly LogMel[], maxFramesPerPass = MAX_FRAMES_PER_PASS): Embeddings[] {
    const first = inputs[0];
    if (!first) return [];
    const frames = first.frameCount;
    if (inputs.some((input) => input.frameCount !== frames)) {
      throw new RangeError("embedBatch needs inputs of equal length; embed others one by one");
    }
    if (frames < EMBEDDING_WINDOW_FRAMES)
      return inputs.map(() => ({ ...NO_EMBEDDINGS, dims: this.dims }));
    const perPass = Math.max(1, Math.floor(maxFramesPerPass / frames));
    if (inputs.length <= perPass) return this.embedPass(inputs, frames);
    const out: Embeddings[] = [];
    for (let i = 0; i < inputs.length; i += perPass) {
      out.push(...this.embedPass(inputs.slice(i, i + perPass), frames));
    }
    return out;
  }

  private embedPass(inputs: readonly LogMel[], frames: number): Embeddings[] {
    const stacked = new Float32Array(inputs.length * frames * MEL_BAND_COUNT);
    inputs.forEach((input, i) =>
      stacked.set(input.frames.subarray(0, frames * MEL_BAND_COUNT), i * frames * MEL_BAND_COUNT),
    );
    const values = tf.tidy(() => {
      const batch = tf.tensor4d(stacked, [inputs.length, frames, MEL_BAND_COUNT, 1]);
      const output = this.chain
        ? this.chain(batch)
        : (this.fullyConvolutionalBase.predict(batch) as tf.Tensor);
      return output.dataSync() as Float32Array;
    });
    const perInput = values.length / inputs.length;
    const count = perInput / this.dims;
    return inputs.map((_, i) => ({
      values: values.slice(i * perInput, (i + 1) * perInput),
      count,
      dims: this.dims,
    }));
  }

  /** Embeddings of a 16 kHz clip (−1…1); see feature-timeline.ts for where each one sits. */
  embedClip(samples: Float32Array, options: { fileName?: string } = {}): Embeddings {
    return this.embedFrames(baseInputForClip(samples, options));
  }
}
