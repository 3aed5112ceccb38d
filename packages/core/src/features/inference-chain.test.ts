// The compiled inference chain computes what the Layers model computes: on the real
// speech-embedding base (to < 1e-5; on wasm it is bit-identical), against onnxruntime-node on
// overlapping windows (< 1e-4, the import's own tolerance), after weights change, and it declines
// models it cannot compile so the Embedder falls back to predict.
import * as tf from "@tensorflow/tfjs";
import * as ort from "onnxruntime-node";
import { beforeAll, describe, expect, it } from "vitest";
import { initBackend } from "../backends/node-backends.js";
import { fullyConvolutionalBase } from "../models/fully-convolutional.js";
import { loadSpeechEmbeddingBase, resolveModelFile } from "../models/node-model-files.js";
import { SPEECH_EMBEDDING } from "../models/zoo.js";
import { Embedder } from "./embedder.js";
import { maxAbsDiff, randomFrames } from "./test-frames.js";
import { compileInferenceChain } from "./inference-chain.js";

const BANDS = 32;
const WINDOW = 76;
const HOP = 8;

function predict(model: tf.LayersModel, frames: Float32Array, batch: number): Float32Array {
  return tf.tidy(() => {
    const input = tf.tensor4d(frames, [batch, frames.length / batch / BANDS, BANDS, 1]);
    return (model.predict(input) as tf.Tensor).dataSync() as Float32Array;
  });
}

let base: tf.LayersModel;
beforeAll(async () => {
  await initBackend("wasm");
  base = await loadSpeechEmbeddingBase();
});

describe("compileInferenceChain", () => {
  it("gives the fully convolutional base's embeddings for a batch of clips (< 1e-5)", () => {
    const fully = fullyConvolutionalBase(base);
    const embedder = new Embedder(fully);
    const frames = [randomFrames(140, "a"), randomFrames(140, "b")];
    const batch = embedder.embedBatch(frames.map((f) => ({ frames: f, frameCount: 140 })));
    const actual = Float32Array.from(batch.flatMap((e) => [...e.values]));
    const stacked = new Float32Array(2 * 140 * BANDS);
    stacked.set(frames[0]!, 0);
    stacked.set(frames[1]!, 140 * BANDS);
    expect(batch[0]?.count).toBe(Math.floor((140 - WINDOW) / HOP) + 1);
    expect(maxAbsDiff(actual, predict(fully, stacked, 2))).toBeLessThan(1e-5);
  });

  it("matches onnxruntime-node's embedding_model.onnx on overlapping windows (< 1e-4)", async () => {
    const frameCount = WINDOW + 4 * HOP;
    const frames = randomFrames(frameCount, "onnx");
    const embeddings = new Embedder(fullyConvolutionalBase(base)).embedFrames({
      frames,
      frameCount,
    });
    const session = await ort.InferenceSession.create(
      resolveModelFile({ ...SPEECH_EMBEDDING.source, file: "models/embedding_model.onnx" }),
      { intraOpNumThreads: 1, interOpNumThreads: 1 },
    );
    const windows = new Float32Array(embeddings.count * WINDOW * BANDS);
    for (let k = 0; k < embeddings.count; k += 1) {
      const from = k * HOP * BANDS;
      windows.set(frames.subarray(from, from + WINDOW * BANDS), k * WINDOW * BANDS);
    }
    const input = new ort.Tensor("float32", windows, [embeddings.count, WINDOW, BANDS, 1]);
    const output = await session.run({ [session.inputNames[0]!]: input });
    const expected = output[session.outputNames[0]!]!.data as Float32Array;
    await session.release();
    expect(embeddings.count).toBe(5);
    expect(maxAbsDiff(embeddings.values, expected)).toBeLessThan(1e-4);
  });

  it("reads the weights at every call, so a changed layer shows at once", () => {
    const fully = fullyConvolutionalBase(base);
    const chain = compileInferenceChain(fully);
    expect(chain).toBeDefined();
    const bias = fully.getLayer("conv_19").weights[1]!;
    const before = bias.read().clone();
    try {
      bias.write(tf.add(before, 0.5));
      const frames = randomFrames(WINDOW, "changed");
      const viaChain = tf.tidy(
        () => chain!(tf.tensor4d(frames, [1, WINDOW, BANDS, 1])).dataSync() as Float32Array,
      );
      expect(maxAbsDiff(viaChain, predict(fully, frames, 1))).toBeLessThan(1e-5);
    } finally {
      bias.write(before);
    }
  });

  it("holds no more memory at its peak than predict does (intermediates released as it goes)", async () => {
    const fully = fullyConvolutionalBase(base);
    const chain = compileInferenceChain(fully)!;
    const frames = 600;
    const input = tf.tensor4d(randomFrames(frames * 4, "peak"), [4, frames, BANDS, 1]);
    try {
      const peak = async (run: () => tf.Tensor) =>
        (await tf.profile(() => tf.tidy(() => run().dataSync()))).peakBytes;
      const viaChain = await peak(() => chain(input));
      const viaPredict = await peak(() => fully.predict(input) as tf.Tensor);
      const inputBytes = input.size * 4;
      // Holding every layer's output until the end costs several times the widest one.
      expect(viaChain - inputBytes).toBeLessThanOrEqual((viaPredict - inputBytes) * 1.05);
    } finally {
      input.dispose();
    }
  });

  it("embeds a batch in several passes when it is long, with the same embeddings", () => {
    const embedder = new Embedder(fullyConvolutionalBase(base));
    const inputs = ["p", "q", "r", "s", "t"].map((seed) => ({
      frames: randomFrames(160, seed),
      frameCount: 160,
    }));
    const onePass = embedder.embedBatch(inputs);
    const passesOfTwo = embedder.embedBatch(inputs, 2 * 160);
    expect(passesOfTwo).toHaveLength(5);
    passesOfTwo.forEach((e, i) => {
      expect(e.count).toBe(onePass[i]!.count);
      expect(maxAbsDiff(e.values, onePass[i]!.values)).toBeLessThan(1e-5);
    });
  });

  it("declines layers it does not know, and the Embedder then runs the model itself", () => {
    const input = tf.input({ shape: [null, BANDS, 1] });
    const conv = tf.layers
      .conv2d({ filters: 4, kernelSize: [WINDOW, BANDS], activation: "relu" })
      .apply(input) as tf.SymbolicTensor;
    const output = tf.layers.reshape({ targetShape: [-1, 4] }).apply(conv) as tf.SymbolicTensor;
    const model = tf.model({ inputs: input, outputs: output });
    expect(compileInferenceChain(model)).toBeUndefined();
    const frames = randomFrames(WINDOW, "fallback");
    const embeddings = new Embedder(model).embedFrames({ frames, frameCount: WINDOW });
    expect(maxAbsDiff(embeddings.values, predict(model, frames, 1))).toBe(0);
  });
});
