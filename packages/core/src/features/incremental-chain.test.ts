// The incremental chain gives, push after push, exactly the rows of one pass over all frames so
// far (< 1e-5), whatever the push sizes, and starts afresh after reset; StreamingEmbedder gives
// the Embedder's embeddings whether its base compiles to an incremental chain or not.
import * as tf from "@tensorflow/tfjs";
import { createSeededRandom } from "@wakeforge/audio";
import { beforeAll, describe, expect, it } from "vitest";
import { initBackend } from "../backends/node-backends.js";
import { fullyConvolutionalBase } from "../models/fully-convolutional.js";
import { loadSpeechEmbeddingBase } from "../models/node-model-files.js";
import { Embedder } from "./embedder.js";
import { maxAbsDiff, randomFrames } from "./test-frames.js";
import { IncrementalChain } from "./incremental-chain.js";
import { StreamingEmbedder } from "./streaming-embedder.js";

const BANDS = 32;

let fully: tf.LayersModel;
beforeAll(async () => {
  await initBackend("wasm");
  fully = fullyConvolutionalBase(await loadSpeechEmbeddingBase());
});

/** Pushes `frames` in pieces of the given sizes (cycled); returns all output values. */
function pushInPieces(chain: IncrementalChain, frames: Float32Array, sizes: readonly number[]) {
  const total = frames.length / BANDS;
  const values: number[] = [];
  let count = 0;
  for (let at = 0, piece = 0; at < total; piece += 1) {
    const size = Math.min(sizes[piece % sizes.length]!, total - at);
    const out = chain.push(frames.subarray(at * BANDS, (at + size) * BANDS), size);
    values.push(...out.values);
    count += out.count;
    at += size;
  }
  return { values, count };
}

describe("IncrementalChain", () => {
  it("gives one pass's embeddings for pushes of any size (< 1e-5)", () => {
    const frames = randomFrames(76 + 8 * 12, "stream");
    const expected = new Embedder(fully).embedFrames({ frames, frameCount: frames.length / BANDS });
    expect(expected.count).toBe(13);
    for (const sizes of [[8], [1], [3, 13, 5], [200]]) {
      const chain = IncrementalChain.create(fully)!;
      const actual = pushInPieces(chain, frames, sizes);
      expect(actual.count, `pieces ${sizes.join(",")}`).toBe(13);
      expect(maxAbsDiff(actual.values, expected.values)).toBeLessThan(1e-5);
      chain.reset();
    }
  });

  it("gives the same rows whether wasm rows are copied on the heap or by kernels", () => {
    const frames = randomFrames(76 + 8 * 4, "heap");
    const heap = pushInPieces(IncrementalChain.create(fully)!, frames, [8, 3]);
    const kernels = pushInPieces(
      IncrementalChain.create(fully, { heapCopies: false })!,
      frames,
      [8, 3],
    );
    expect(heap.count).toBe(5);
    expect(heap.values).toEqual(kernels.values);
  });

  it("starts afresh after reset and leaks no tensors or backend data between pushes", () => {
    const chain = IncrementalChain.create(fully)!;
    const frames = randomFrames(100, "reset");
    const first = pushInPieces(chain, frames, [8]);
    chain.reset();
    const tensorsBefore = tf.memory().numTensors;
    // The chain calls kernels past the engine: only the backend sees what it leaves behind.
    const dataBefore = tf.backend().numDataIds();
    const second = pushInPieces(chain, frames, [8]);
    expect(second.values).toEqual(first.values);
    chain.reset();
    expect(tf.memory().numTensors).toBe(tensorsBefore);
    expect(tf.backend().numDataIds()).toBe(dataBefore);
  });

  it("carries its held rows over when the backend changes mid-stream", async () => {
    const frames = randomFrames(76 + 8 * 6, "switch");
    const expected = new Embedder(fully).embedFrames({ frames, frameCount: frames.length / BANDS });
    const chain = IncrementalChain.create(fully)!;
    const half = 76 + 8 * 2;
    const values: number[] = [];
    try {
      values.push(...chain.push(frames.subarray(0, half * BANDS), half).values);
      await initBackend("cpu");
      const rest = frames.length / BANDS - half;
      values.push(...chain.push(frames.subarray(half * BANDS), rest).values);
      chain.reset();
    } finally {
      await initBackend("wasm");
    }
    expect(values.length).toBe(expected.values.length);
    expect(maxAbsDiff(values, expected.values)).toBeLessThan(1e-4);
  });

  it("declines a base that strides across time, and StreamingEmbedder still matches the Embedder", () => {
    // One 76-frame convolution at a hop of 8: fully convolutional, but not row by row.
    const input = tf.input({ shape: [null, BANDS, 1] });
    const conv = tf.layers
      .conv2d({ filters: 4, kernelSize: [76, BANDS], strides: [8, 1] })
      .apply(input) as tf.SymbolicTensor;
    const output = tf.layers.reshape({ targetShape: [-1, 4] }).apply(conv) as tf.SymbolicTensor;
    const model = tf.model({ inputs: input, outputs: output });
    expect(IncrementalChain.create(model)).toBeUndefined();

    const random = createSeededRandom("audio");
    const audio = Float32Array.from({ length: 16_000 * 2 }, () => random.next() * 0.2 - 0.1);
    const embedder = new Embedder(model);
    const stream = new StreamingEmbedder(embedder);
    const values: number[] = [];
    for (let at = 0; at < audio.length; at += 1280) {
      values.push(...stream.push(audio.subarray(at, at + 1280)).values);
    }
    const batch = embedder.embedClip(audio);
    expect(stream.embeddingsSoFar).toBe(batch.count);
    expect(maxAbsDiff(values, batch.values)).toBeLessThan(1e-5);
  });
});
