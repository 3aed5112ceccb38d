#!/usr/bin/env node
// Benchmark (not a test): the streaming detector's real-time factor and per-chunk latency on
// 80 ms chunks, next to openWakeWord's own chain of ONNX models in onnxruntime-node (one thread)
// on the same audio in the same process. Run after `pnpm build`:
//   node bench/streaming-detector.mjs [--seconds 60] [--json]
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { CHUNK_SIZE_SAMPLES, createSeededRandom } from "@wakeforge/audio";
import * as ort from "onnxruntime-node";
import {
  Embedder,
  OPENWAKEWORD_HEADS,
  SPEECH_EMBEDDING,
  StreamingDetector,
  fullyConvolutionalBase,
  initBackend,
  loadOpenWakeWordHead,
  loadSpeechEmbeddingBase,
  resolveModelFile,
} from "../dist/index.js";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "60" },
    json: { type: "boolean", default: false },
  },
});
const seconds = Number(values.seconds);

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function summarize(latenciesMs, audioSeconds) {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  const totalMs = latenciesMs.reduce((a, b) => a + b, 0);
  return {
    realTimeFactor: totalMs / 1000 / audioSeconds,
    audioSecondsPerSecond: audioSeconds / (totalMs / 1000),
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
  };
}

// Pink-ish noise with tonal bursts: a stand-in for room audio that exercises every stage.
const random = createSeededRandom(1);
const audio = new Float32Array(Math.round(seconds * 16000));
let brown = 0;
for (let i = 0; i < audio.length; i += 1) {
  brown = 0.98 * brown + (random.next() - 0.5) * 0.05;
  audio[i] = brown + (Math.floor(i / 8000) % 3 === 0 ? 0.2 * Math.sin(i * 0.07) : 0);
}

const backend = await initBackend("auto");
const embedder = new Embedder(fullyConvolutionalBase(await loadSpeechEmbeddingBase()));
const head = {
  name: "alexa",
  model: await loadOpenWakeWordHead("alexa"),
  policy: { threshold: 0.5 },
};
const detector = new StreamingDetector(embedder, [head]);
const chunks = Math.floor(audio.length / CHUNK_SIZE_SAMPLES);
const ours = [];
for (let c = 0; c < chunks; c += 1) {
  const chunk = audio.subarray(c * CHUNK_SIZE_SAMPLES, (c + 1) * CHUNK_SIZE_SAMPLES);
  const start = performance.now();
  detector.push(chunk);
  ours.push(performance.now() - start);
}

const options = { intraOpNumThreads: 1, interOpNumThreads: 1 };
const session = (file) =>
  ort.InferenceSession.create(resolveModelFile({ ...SPEECH_EMBEDDING.source, file }), options);
const [mel, embedding, headSession] = await Promise.all([
  session("models/melspectrogram.onnx"),
  session("models/embedding_model.onnx"),
  session(OPENWAKEWORD_HEADS.alexa.source.file),
]);
const run = async (s, data, dims) =>
  (await s.run({ [s.inputNames[0]]: new ort.Tensor("float32", data, dims) }))[s.outputNames[0]]
    .data;
let melFrames = Array.from({ length: 76 }, () => new Float32Array(32).fill(1));
let embeddings = Array.from({ length: 16 }, () => new Float32Array(96));
const reference = [];
for (let c = 0; c < chunks; c += 1) {
  const start = performance.now();
  const from = Math.max(0, c * CHUNK_SIZE_SAMPLES - 480);
  const window = Float32Array.from(
    audio.subarray(from, (c + 1) * CHUNK_SIZE_SAMPLES),
    (v) => v * 32768,
  );
  const spectrogram = await run(mel, window, [1, window.length]);
  for (let f = 0; f < spectrogram.length / 32; f += 1)
    melFrames.push(spectrogram.slice(f * 32, f * 32 + 32).map((x) => x / 10 + 2));
  melFrames = melFrames.slice(-76);
  const last76 = new Float32Array(76 * 32);
  melFrames.forEach((frame, i) => last76.set(frame, i * 32));
  embeddings.push(await run(embedding, last76, [1, 76, 32, 1]));
  embeddings = embeddings.slice(-16);
  const last16 = new Float32Array(16 * 96);
  embeddings.forEach((e, i) => last16.set(e, i * 96));
  await run(headSession, last16, [1, 16, 96]);
  reference.push(performance.now() - start);
}

const audioSeconds = chunks * 0.08;
const result = {
  backend: backend.backend,
  audioSeconds,
  wakeforge: summarize(ours, audioSeconds),
  onnxruntime: summarize(reference, audioSeconds),
};
result.ratio = result.wakeforge.audioSecondsPerSecond / result.onnxruntime.audioSecondsPerSecond;
result.coreFraction = result.wakeforge.realTimeFactor;
if (values.json) {
  console.log(JSON.stringify(result));
} else {
  const row = (name, r) =>
    `${name.padEnd(22)} ${r.realTimeFactor.toFixed(4).padStart(8)} ${r.audioSecondsPerSecond.toFixed(0).padStart(10)} ${r.p50Ms.toFixed(2).padStart(8)} ${r.p99Ms.toFixed(2).padStart(8)}`;
  console.log(
    `streaming detector, ${audioSeconds.toFixed(1)} s of audio in 80 ms chunks, backend ${backend.backend}`,
  );
  console.log(
    `${"".padEnd(22)} ${"RTF".padStart(8)} ${"audio-s/s".padStart(10)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)}`,
  );
  console.log(row("wakeforge (tfjs)", result.wakeforge));
  console.log(row("onnxruntime-node (1t)", result.onnxruntime));
  console.log(`ratio (wakeforge / reference, >1 = faster): ${result.ratio.toFixed(2)}`);
}
