// A compiled head scores as its Layers model does (< 1e-6): openWakeWord's imported "alexa"
// head and wakeforge's default head (dropout is inference's identity); heads with other layers
// (timer's softmax) are left to predict.
import * as tf from "@tensorflow/tfjs";
import { createSeededRandom } from "@wakeforge/audio";
import { beforeAll, describe, expect, it } from "vitest";
import { initBackend } from "../backends/node-backends.js";
import { maxAbsDiff } from "../features/test-frames.js";
import { loadOpenWakeWordHead } from "../models/node-model-files.js";
import { DEFAULT_HEAD_SPEC, buildHead } from "../surgery/head-spec.js";
import { compileHead, headRunner } from "./compiled-head.js";

/** The outputs of five seeded random windows of `window` embeddings. */
function outputs(run: (x: tf.Tensor3D) => tf.Tensor, seed: string, window = 16): Float32Array {
  const random = createSeededRandom(seed);
  const values = Float32Array.from({ length: 5 * window * 96 }, () => random.next() * 4 - 2);
  return tf.tidy(() => run(tf.tensor3d(values, [5, window, 96])).dataSync() as Float32Array);
}

beforeAll(async () => {
  await initBackend("wasm");
});

describe("compileHead", () => {
  it("scores as predict for openWakeWord's alexa head and wakeforge's default head", async () => {
    const heads = [await loadOpenWakeWordHead("alexa"), buildHead(DEFAULT_HEAD_SPEC, { seed: 3 })];
    for (const head of heads) {
      const compiled = compileHead(head);
      expect(compiled, head.name).toBeDefined();
      const expected = outputs((x) => head.predict(x) as tf.Tensor, head.name);
      const actual = outputs(compiled!, head.name);
      expect(actual).toHaveLength(5);
      expect(maxAbsDiff(actual, expected)).toBeLessThan(1e-6);
    }
  });

  it("leaves a softmax head to predict, which headRunner then uses", async () => {
    const timer = await loadOpenWakeWordHead("timer");
    expect(compileHead(timer)).toBeUndefined();
    const window = timer.inputs[0]?.shape[1] as number;
    const expected = outputs((x) => timer.predict(x) as tf.Tensor, "timer", window);
    expect(outputs(headRunner(timer), "timer", window)).toEqual(expected);
  });
});
