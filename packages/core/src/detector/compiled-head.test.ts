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

/** Five seeded random windows of `window` embeddings. */
function windows(seed: string, window = 16): Float32Array {
  const random = createSeededRandom(seed);
  return Float32Array.from({ length: 5 * window * 96 }, () => random.next() * 4 - 2);
}

function predicted(model: tf.LayersModel, values: Float32Array): Float32Array {
  const window = model.inputs[0]?.shape[1] as number;
  return tf.tidy(() => {
    const output = model.predict(tf.tensor3d(values, [5, window, 96])) as tf.Tensor;
    return output.dataSync() as Float32Array;
  });
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
      const values = windows(head.name);
      const actual = compiled!(values, 5);
      expect(actual).toHaveLength(5);
      expect(maxAbsDiff(actual, predicted(head, values))).toBeLessThan(1e-6);
    }
  });

  it("holds no tensors or backend data between calls", async () => {
    const head = await loadOpenWakeWordHead("alexa");
    const run = compileHead(head)!;
    const values = windows("leak");
    run(values, 5);
    const tensors = tf.memory().numTensors;
    const data = tf.backend().numDataIds();
    run(values, 5);
    expect(tf.memory().numTensors).toBe(tensors);
    expect(tf.backend().numDataIds()).toBe(data);
  });

  it("leaves a softmax head to predict, which headRunner then uses", async () => {
    const timer = await loadOpenWakeWordHead("timer");
    expect(compileHead(timer)).toBeUndefined();
    const window = timer.inputs[0]?.shape[1] as number;
    const values = windows("timer", window);
    expect(headRunner(timer)(values, 5)).toEqual(predicted(timer, values));
  });
});
