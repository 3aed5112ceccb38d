// Parity of the imported speech-embedding base and openWakeWord heads with onnxruntime-node,
// on log-mel windows of synthesized speech (espeak-ng → sox → melspectrogram.onnx) and on
// seeded random windows.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as tf from "@tensorflow/tfjs";
import { createSeededRandom, decodeWav } from "@wakeforge/audio";
import * as ort from "onnxruntime-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initBackend } from "../backends/node-backends.js";
import { readOnnxModel } from "../onnx/read-onnx-model.js";
import { fullyConvolutionalBase } from "./fully-convolutional.js";
import {
  loadOpenWakeWordHead,
  loadSpeechEmbeddingBase,
  resolveModelFile,
} from "./node-model-files.js";
import { ModelFileMismatchError } from "./errors.js";
import { speechEmbeddingBaseFromBytes } from "./speech-embedding.js";
import {
  OPENWAKEWORD_HEAD_NAMES,
  OPENWAKEWORD_HEADS,
  SPEECH_EMBEDDING,
  type OpenWakeWordHeadName,
} from "./zoo.js";

const BANDS = 32;
const WINDOW = SPEECH_EMBEDDING.windowFrames;
const HOP = SPEECH_EMBEDDING.hopFrames;
const DIMS = 96;
const PHRASE =
  "hey jarvis, what time is it? set a timer for five minutes, and tell me the weather.";

const sessionOptions: ort.InferenceSession.SessionOptions = {
  intraOpNumThreads: 1,
  interOpNumThreads: 1,
};

function modelPath(file: string): string {
  return resolveModelFile({ ...SPEECH_EMBEDDING.source, file: `models/${file}` });
}

async function runOrt(
  session: ort.InferenceSession,
  data: Float32Array,
  dims: number[],
): Promise<Float32Array> {
  const [inputName] = session.inputNames;
  const [outputName] = session.outputNames;
  const result = await session.run({ [inputName!]: new ort.Tensor("float32", data, dims) });
  return result[outputName!]!.data as Float32Array;
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let max = 0;
  for (let k = 0; k < a.length; k += 1) max = Math.max(max, Math.abs(a[k]! - b[k]!));
  return max;
}

/** 16 kHz speech at int16 scale, as openWakeWord feeds its mel model. */
function synthesizeSpeech(dir: string): Float32Array {
  const raw = join(dir, "raw.wav");
  const wav = join(dir, "speech.wav");
  execFileSync("espeak-ng", ["-v", "en-us", "-w", raw, PHRASE]);
  execFileSync("sox", [raw, "-r", "16000", "-b", "16", wav]);
  const audio = decodeWav(new Uint8Array(readFileSync(wav)), { fileName: "speech.wav" });
  expect(audio.sampleRateHz).toBe(16_000);
  return audio.samples.map((s) => s * 32768);
}

let dir: string;
let base: tf.LayersModel;
let embeddingOracle: ort.InferenceSession;
/** Scaled log-mel of the whole clip, [frames × 32]. */
let logMel: Float32Array;
let frames: number;
/** The speech windows at an 8-frame hop, [count × 76 × 32]. */
let speechWindows: Float32Array;
let windowCount: number;

function window(start: number): Float32Array {
  return logMel.subarray(start * BANDS, (start + WINDOW) * BANDS);
}

beforeAll(async () => {
  await initBackend("wasm");
  dir = mkdtempSync(join(tmpdir(), "wakeforge-embedding-"));
  const samples = synthesizeSpeech(dir);
  const mel = await ort.InferenceSession.create(modelPath("melspectrogram.onnx"), sessionOptions);
  const melOut = await runOrt(mel, samples, [1, samples.length]);
  await mel.release();
  logMel = melOut.map((x) => x / 10 + 2);
  frames = logMel.length / BANDS;
  windowCount = Math.floor((frames - WINDOW) / HOP) + 1;
  speechWindows = new Float32Array(windowCount * WINDOW * BANDS);
  for (let k = 0; k < windowCount; k += 1) speechWindows.set(window(k * HOP), k * WINDOW * BANDS);
  embeddingOracle = await ort.InferenceSession.create(
    modelPath("embedding_model.onnx"),
    sessionOptions,
  );
  base = await loadSpeechEmbeddingBase();
});

afterAll(async () => {
  await embeddingOracle?.release();
  base?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function predict(model: tf.LayersModel, data: Float32Array, shape: number[]): Float32Array {
  return tf.tidy(
    () => (model.predict(tf.tensor(data, shape)) as tf.Tensor).dataSync() as Float32Array,
  );
}

describe("speech-embedding base imported from ONNX", () => {
  it("matches onnxruntime-node on windows of synthesized speech (max abs diff < 1e-4)", async () => {
    expect(windowCount).toBeGreaterThanOrEqual(40);
    const shape = [windowCount, WINDOW, BANDS, 1];
    const expected = await runOrt(embeddingOracle, speechWindows, shape);
    const actual = predict(base, speechWindows, shape);
    const diff = maxAbsDiff(actual, expected);
    const largest = expected.reduce((max, v) => Math.max(max, Math.abs(v)), 0);
    console.log(
      `speech: ${windowCount} windows, max abs diff ${diff.toExponential(2)} (largest |value| ${largest.toFixed(1)})`,
    );
    expect(diff).toBeLessThan(1e-4);
  });

  it("matches onnxruntime-node on seeded random windows", async () => {
    const random = createSeededRandom("speech-embedding parity");
    const count = 4;
    const data = Float32Array.from({ length: count * WINDOW * BANDS }, () => random.next() * 6 - 3);
    const shape = [count, WINDOW, BANDS, 1];
    const diff = maxAbsDiff(predict(base, data, shape), await runOrt(embeddingOracle, data, shape));
    console.log(`random: ${count} windows, max abs diff ${diff.toExponential(2)}`);
    expect(diff).toBeLessThan(1e-4);
  });

  it("has the zoo's contract, meaningful unique layer names and the ONNX file's parameter count", () => {
    expect(base.inputs[0]!.shape).toEqual([...SPEECH_EMBEDDING.inputShape]);
    expect(base.outputs[0]!.shape).toEqual([...SPEECH_EMBEDDING.outputShape]);
    const names = base.layers.map((layer) => layer.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names)
      expect(name).toMatch(/^(input|embedding|(conv|leaky_relu|max_clamp|max_pool)_\d+(_pad)?)$/);
    expect(names).toHaveLength(75);
    expect(names.filter((n) => n.endsWith("_pad"))).toHaveLength(10);
    expect(names.filter((n) => /^conv_\d+$/.test(n))).toHaveLength(20);
    expect(names.filter((n) => n.startsWith("leaky_relu_"))).toHaveLength(19);
    expect(names.filter((n) => n.startsWith("max_clamp_"))).toHaveLength(19);
    expect(names.filter((n) => n.startsWith("max_pool_"))).toHaveLength(5);
    // Every float initializer is a parameter except the scalar -0.4 of Max; int64 ones are shapes.
    const onnx = readOnnxModel(new Uint8Array(readFileSync(modelPath("embedding_model.onnx"))));
    const floats = [...onnx.graph.initializers.values()].filter((t) => t.type === "float32");
    const maxConstant = floats.filter((t) => t.data.length === 1);
    expect(maxConstant.map((t) => t.data[0])).toEqual([Math.fround(-0.4)]);
    const onnxParameters = floats.reduce((sum, t) => sum + t.data.length, 0) - maxConstant.length;
    expect(base.countParams()).toBe(onnxParameters);
    expect(base.countParams()).toBe(SPEECH_EMBEDDING.parameterCount);
  });

  it("runs fully convolutionally over a whole clip: the same embeddings as window by window (< 1e-5)", () => {
    const fully = fullyConvolutionalBase(base);
    // Built once per base: a second call (training, then evaluation) gets the same model.
    expect(fullyConvolutionalBase(base)).toBe(fully);
    expect(fully.inputs[0]!.shape).toEqual([null, null, BANDS, 1]);
    const whole = tf.tidy(
      () => fully.predict(tf.tensor(logMel, [1, frames, BANDS, 1])) as tf.Tensor,
    );
    expect(whole.shape).toEqual([1, windowCount, DIMS]);
    const windowed = predict(base, speechWindows, [windowCount, WINDOW, BANDS, 1]);
    const diff = maxAbsDiff(whole.dataSync(), windowed);
    whole.dispose();
    console.log(
      `fully convolutional: ${frames} frames → ${windowCount} embeddings, max abs diff ${diff.toExponential(2)}`,
    );
    expect(diff).toBeLessThan(1e-5);
    // Shares the base's weights.
    expect(fully.getLayer("conv_1").getWeights()[0]).toBe(base.getLayer("conv_1").getWeights()[0]);
  });
});

/** Nudges `start` (a [1, 16, 96] input) until hey_jarvis's first network scores ≥ 0.5. */
function provokeVerifier(head: tf.LayersModel, start: Float32Array): Float32Array {
  const firstScore = tf.model({
    inputs: head.inputs,
    outputs: head.getLayer("sigmoid_1").output as tf.SymbolicTensor,
  });
  const score = (x: tf.Tensor) => (firstScore.predict(x) as tf.Tensor).sum();
  const gradient = tf.grad(score);
  let x = tf.tensor(start, [1, 16, DIMS]);
  for (let step = 0; step < 200 && score(x).dataSync()[0]! < 0.6; step += 1) {
    const next = tf.tidy(() => x.add(tf.sign(gradient(x)).mul(0.05)));
    x.dispose();
    x = next;
  }
  const out = x.dataSync() as Float32Array;
  x.dispose();
  return out;
}

describe("zoo files", () => {
  it("refuses bytes whose sha256 differs from the zoo entry", async () => {
    const bytes = new Uint8Array(readFileSync(modelPath("embedding_model.onnx")));
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 1;
    await expect(speechEmbeddingBaseFromBytes(bytes)).rejects.toThrow(ModelFileMismatchError);
    await expect(speechEmbeddingBaseFromBytes(bytes)).rejects.toThrow(
      /embedding_model\.onnx: sha256 is [0-9a-f]{64}, the model zoo expects 70d16429/,
    );
  });

  it("names the known heads when asked for an unknown one", async () => {
    await expect(loadOpenWakeWordHead("ok_google" as OpenWakeWordHeadName)).rejects.toThrow(
      /alexa, hey_jarvis/,
    );
  });
});

describe("openWakeWord heads imported from ONNX", () => {
  let embeddings: Float32Array;

  beforeAll(async () => {
    embeddings = await runOrt(embeddingOracle, speechWindows, [windowCount, WINDOW, BANDS, 1]);
  });

  it.each(OPENWAKEWORD_HEAD_NAMES)(
    "%s matches onnxruntime-node on speech embeddings (< 1e-4)",
    async (name) => {
      const entry = OPENWAKEWORD_HEADS[name];
      const head = await loadOpenWakeWordHead(name);
      const oracle = await ort.InferenceSession.create(
        modelPath(`${name}_v0.1.onnx`),
        sessionOptions,
      );
      try {
        const size = entry.windowEmbeddings;
        expect(head.inputs[0]!.shape).toEqual([null, size, DIMS]);
        expect(head.outputs[0]!.shape).toEqual([null, entry.outputs]);
        const starts = [0, 3, 7, windowCount - size].filter(
          (s) => s >= 0 && s + size <= windowCount,
        );
        expect(starts.length).toBeGreaterThanOrEqual(3);
        let worst = 0;
        const scores: number[] = [];
        for (const start of starts) {
          const input = embeddings.slice(start * DIMS, (start + size) * DIMS);
          const expected = await runOrt(oracle, input, [1, size, DIMS]);
          const actual = predict(head, input, [1, size, DIMS]);
          worst = Math.max(worst, maxAbsDiff(actual, expected));
          scores.push(expected[0]!);
        }
        if (name === "hey_jarvis") {
          // Speech that is not "hey jarvis" never reaches the verifier branch of the If; make an input that does.
          const input = tf.tidy(() => provokeVerifier(head, embeddings.slice(0, size * DIMS)));
          const expected = await runOrt(oracle, input, [1, size, DIMS]);
          const firstScore = tf.tidy(
            () =>
              (
                tf
                  .model({
                    inputs: head.inputs,
                    outputs: head.getLayer("sigmoid_1").output as tf.SymbolicTensor,
                  })
                  .predict(tf.tensor(input, [1, size, DIMS])) as tf.Tensor
              ).dataSync()[0]!,
          );
          expect(firstScore).toBeGreaterThanOrEqual(0.5);
          const diff = maxAbsDiff(predict(head, input, [1, size, DIMS]), expected);
          console.log(
            `hey_jarvis verifier branch: first score ${firstScore.toFixed(3)}, verifier score ${expected[0]!.toFixed(3)}, diff ${diff.toExponential(2)}`,
          );
          expect(Math.abs(expected[0]! - firstScore)).toBeGreaterThan(1e-3);
          worst = Math.max(worst, diff);
        }
        console.log(
          `${name}: ${starts.length} inputs, max abs diff ${worst.toExponential(2)}, scores ${scores.map((s) => s.toFixed(3)).join(" ")}`,
        );
        expect(worst).toBeLessThan(1e-4);
      } finally {
        head.dispose();
        await oracle.release();
      }
    },
  );
});
