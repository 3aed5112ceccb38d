import * as tf from "@tensorflow/tfjs";
import * as ort from "onnxruntime-node";
import { beforeAll, describe, expect, it } from "vitest";
import { initBackend } from "../backends/node-backends.js";
import { headToOnnx } from "../export/head-to-onnx.js";
import { ensembleHeads } from "./ensemble-heads.js";
import { DEFAULT_HEAD_SPEC, buildHead } from "./head-spec.js";
import { SurgeryError } from "./surgery-error.js";

beforeAll(async () => {
  await initBackend("wasm");
});

const scores = (model: tf.LayersModel, input: tf.Tensor) =>
  Array.from((model.predict(input) as tf.Tensor).dataSync());

describe("ensembleHeads", () => {
  it("scores the mean of its heads' scores, and exports to ONNX with the same scores", async () => {
    const heads = [3, 4, 5].map((seed) => buildHead(DEFAULT_HEAD_SPEC, { seed }));
    const input = tf.randomNormal([6, 16, 96], 0, 2, "float32", 11);
    const each = heads.map((head) => scores(head, input));
    // Differently seeded heads disagree, or the mean would test nothing.
    expect(Math.max(...each[0]!.map((s, i) => Math.abs(s - each[1]![i]!)))).toBeGreaterThan(0.01);
    const ensemble = ensembleHeads(heads);
    const got = scores(ensemble, input);
    got.forEach((score, i) => {
      const mean = each.reduce((sum, s) => sum + s[i]!, 0) / heads.length;
      expect(score).toBeCloseTo(mean, 5);
    });
    const session = await ort.InferenceSession.create(headToOnnx(ensemble), {
      intraOpNumThreads: 1,
    });
    const result = await session.run({
      embeddings: new ort.Tensor("float32", input.dataSync() as Float32Array, [6, 16, 96]),
    });
    const onnx = Array.from(Object.values(result)[0]!.data as Float32Array);
    onnx.forEach((score, i) => expect(score).toBeCloseTo(got[i]!, 5));
  });

  it("one head folds into a model with the same scores", () => {
    const head = buildHead(DEFAULT_HEAD_SPEC, { seed: 8 });
    const input = tf.randomNormal([3, 16, 96], 0, 2, "float32", 12);
    const got = scores(ensembleHeads([head]), input);
    scores(head, input).forEach((s, i) => expect(got[i]).toBeCloseTo(s, 5));
  });

  it("refuses heads of different architectures, and no heads at all", () => {
    const small = buildHead({ ...DEFAULT_HEAD_SPEC, hidden: [{ units: 8 }] }, { seed: 1 });
    const regular = buildHead(DEFAULT_HEAD_SPEC, { seed: 1 });
    expect(() => ensembleHeads([regular, small])).toThrow(SurgeryError);
    expect(() => ensembleHeads([])).toThrow(/at least one head/);
  });
});
