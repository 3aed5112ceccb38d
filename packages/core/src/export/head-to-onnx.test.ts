import * as tf from "@tensorflow/tfjs";
import * as ort from "onnxruntime-node";
import { beforeAll, describe, expect, it } from "vitest";
import { initBackend } from "../backends/node-backends.js";
import { loadOpenWakeWordHead } from "../models/node-model-files.js";
import { readOnnxModel } from "../onnx/read-onnx-model.js";
import { onnxToLayersModel } from "../onnx/to-layers-model.js";
import { DEFAULT_HEAD_SPEC, buildHead } from "../surgery/head-spec.js";
import { headToOnnx } from "./head-to-onnx.js";

beforeAll(async () => {
  await initBackend("wasm");
});

/** A head with trained-looking weights: the seeded initial ones nudged by a few fit steps. */
async function trainedHead(): Promise<tf.LayersModel> {
  const head = buildHead(DEFAULT_HEAD_SPEC, { seed: 21 });
  head.compile({ optimizer: tf.train.adam(0.01), loss: "binaryCrossentropy" });
  const xs = tf.randomNormal([16, 16, 96], 0, 1, "float32", 5);
  const ys = tf.tensor2d(
    Array.from({ length: 16 }, (_, i) => i % 2),
    [16, 1],
  );
  await head.fit(xs, ys, { epochs: 2, verbose: 0 });
  tf.dispose([xs, ys]);
  return head;
}

describe("headToOnnx", () => {
  it("writes an openWakeWord-contract head that onnxruntime runs with tfjs's scores (< 1e-5)", async () => {
    const head = await trainedHead();
    const bytes = headToOnnx(head);
    const session = await ort.InferenceSession.create(bytes, { intraOpNumThreads: 1 });
    expect(session.inputNames).toEqual(["embeddings"]);
    for (const batch of [1, 5]) {
      const input = tf.randomNormal([batch, 16, 96], 0, 2, "float32", batch);
      const expected = (head.predict(input) as tf.Tensor).dataSync();
      const result = await session.run({
        embeddings: new ort.Tensor("float32", input.dataSync() as Float32Array, [batch, 16, 96]),
      });
      const actual = result.score?.data as Float32Array;
      expect(result.score?.dims).toEqual([batch, 1]);
      for (let i = 0; i < batch; i += 1)
        expect(Math.abs((actual[i] ?? 0) - (expected[i] ?? 0))).toBeLessThan(1e-5);
    }
  });

  it("reads back through wakeforge's own ONNX import with the same scores", async () => {
    const head = await trainedHead();
    const reimported = onnxToLayersModel(
      readOnnxModel(headToOnnx(head), { fileName: "head.onnx" }),
    ).model;
    const input = tf.randomNormal([3, 16, 96], 0, 1, "float32", 8);
    const a = (head.predict(input) as tf.Tensor).dataSync();
    const b = (reimported.predict(input) as tf.Tensor).dataSync();
    for (let i = 0; i < 3; i += 1) expect(b[i]).toBeCloseTo(a[i] ?? NaN, 5);
  });

  it("exports an imported openWakeWord head (stand-alone ReLU and sigmoid layers) faithfully", async () => {
    const alexa = await loadOpenWakeWordHead("alexa");
    const session = await ort.InferenceSession.create(headToOnnx(alexa), { intraOpNumThreads: 1 });
    const input = tf.randomNormal([2, 16, 96], 0, 1, "float32", 3);
    const expected = (alexa.predict(input) as tf.Tensor).dataSync();
    const result = await session.run({
      embeddings: new ort.Tensor("float32", input.dataSync() as Float32Array, [2, 16, 96]),
    });
    const actual = result.score?.data as Float32Array;
    for (let i = 0; i < 2; i += 1)
      expect(Math.abs((actual[i] ?? 0) - (expected[i] ?? 0))).toBeLessThan(1e-5);
  });

  it("refuses layers it cannot express instead of exporting a different network", () => {
    const input = tf.input({ shape: [16, 96] });
    const flat = tf.layers.flatten().apply(input) as tf.SymbolicTensor;
    const norm = tf.layers.layerNormalization({ name: "norm" }).apply(flat) as tf.SymbolicTensor;
    const out = tf.layers
      .dense({ units: 1, activation: "sigmoid" })
      .apply(norm) as tf.SymbolicTensor;
    expect(() => headToOnnx(tf.model({ inputs: input, outputs: out }))).toThrow(
      /layer "norm" \(LayerNormalization\) cannot be exported/,
    );
  });
});
