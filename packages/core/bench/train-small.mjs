#!/usr/bin/env node
// Benchmark (not a test): how long transfer and scratch training take on a small synthetic
// data set (espeak-ng voices) on this machine. Run after `pnpm build`:
//   node bench/train-small.mjs [--positives 300] [--negatives 600] [--epochs 10]
//     [--scratch-windows 200] [--no-scratch] [--fine-tune] [--cache DIR] [--json]
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { parseArgs } from "node:util";
import { SAMPLE_RATE_HZ, decodeWav, resample } from "@wakeforge/audio";
import {
  generatedBackgroundClips,
  initBackend,
  loadDefaultTrainingBase,
  trainWakeWord,
} from "../dist/index.js";

const run = promisify(execFile);
const { values } = parseArgs({
  options: {
    positives: { type: "string", default: "300" },
    negatives: { type: "string", default: "600" },
    epochs: { type: "string", default: "10" },
    "scratch-windows": { type: "string", default: "128" },
    "scratch-batch": { type: "string", default: "32" },
    "no-scratch": { type: "boolean", default: false },
    "fine-tune": { type: "boolean", default: false },
    cache: { type: "string" },
    json: { type: "boolean", default: false },
  },
});

const VOICES = [
  "en-us",
  "en-gb",
  "en-gb-scotland",
  "en-gb-x-rp",
  "en-029",
  "en-gb-x-gbclan",
  "en-gb-x-gbcwmd",
  "en-us+f3",
  "en-gb+f2",
  "en-us+m3",
  "en-us+f1",
  "en-gb+m2",
];
const NEGATIVE_TEXTS = [
  "hey nora",
  "bossa nova",
  "hey no",
  "a nova",
  "hey over",
  "hello nova scotia",
  "good morning",
  "turn on the lights",
  "what time is it",
  "hello there",
  "open the window",
  "seven eleven",
  "play some music",
  "the weather is nice today",
  "call my mother",
  "set a timer for ten minutes",
  "how far is the station",
  "I will be there soon",
  "no problem at all",
  "the cat sat on the mat",
];

async function speak(voice, text, rate, pitch) {
  const { stdout } = await run(
    "espeak-ng",
    ["-v", voice, "-s", String(rate), "-p", String(pitch), "--stdout", text],
    { encoding: "buffer", maxBuffer: 64 << 20 },
  );
  const wav = decodeWav(new Uint8Array(stdout));
  return resample(wav.samples, wav.sampleRateHz, SAMPLE_RATE_HZ);
}

async function synthesize(count, kind, texts) {
  const jobs = [];
  for (let i = 0; i < count; i += 1) {
    const voice = VOICES[i % VOICES.length];
    const rate = 130 + ((i * 37) % 90);
    const pitch = 20 + ((i * 53) % 60);
    const text = texts[Math.floor(i / VOICES.length) % texts.length];
    jobs.push({ voice, rate, pitch, text, i });
  }
  const clips = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++];
      const samples = await speak(job.voice, job.text, job.rate, job.pitch);
      clips[job.i] = {
        id: `${kind}/${job.i}`,
        file: "",
        kind,
        source: "synthetic",
        speakerId: `espeak-ng:${job.voice}`,
        engine: "espeak-ng",
        voiceId: job.voice,
        text: job.text,
        weight: 1,
        samples,
      };
    }
  };
  await Promise.all([worker(), worker()]);
  return clips;
}

const t0 = performance.now();
const seconds = () => (performance.now() - t0) / 1000;
const marks = {};
const backend = await initBackend("wasm");
const base = await loadDefaultTrainingBase();
marks.load = seconds();
const positives = await synthesize(Number(values.positives), "positive", ["hey nova"]);
const negatives = await synthesize(Number(values.negatives), "negative", NEGATIVE_TEXTS);
const background = generatedBackgroundClips({
  seconds: 30,
  seed: 1,
  speech: negatives.slice(0, 40).map((c) => c.samples),
});
marks.synthesis = seconds() - marks.load;
const dataset = { root: "memory", layout: "memory", positives, negatives, background, errors: [] };

let lastLog = 0;
const result = await trainWakeWord(
  {
    phrase: "hey nova",
    dataset,
    base,
    seed: 1,
    epochs: Number(values.epochs),
    compareScratch: !values["no-scratch"],
    fineTune: values["fine-tune"],
    scratch: {
      maxWindowsPerEpoch: Number(values["scratch-windows"]),
      batchSize: Number(values["scratch-batch"]),
    },
    ...(values.cache ? { cache: values.cache } : {}),
  },
  {
    onProgress: (event) => {
      if (values.json) return;
      if (event.type === "epoch") {
        const m = event.metrics;
        console.log(
          `${event.run} epoch ${event.epoch}: loss ${m.loss.toFixed(3)} acc ${m.accuracy.toFixed(3)} ` +
            `recall@FAR ${m.recallAtFar.toFixed(3)} val acc ${m.valAccuracy.toFixed(3)} (${m.seconds.toFixed(1)} s)`,
        );
      } else if (event.type === "log") console.log(`[${event.level}] ${event.message}`);
      else if (event.type === "progress" && performance.now() - lastLog > 15000) {
        lastLog = performance.now();
        console.log(
          `  ${(100 * event.fraction).toFixed(0)}% eta ${event.etaSeconds?.toFixed(0) ?? "?"} s`,
        );
      }
    },
  },
);
marks.total = seconds();
const summary = {
  backend: backend.backend ?? backend,
  positives: positives.length,
  negatives: negatives.length,
  epochs: Number(values.epochs),
  seconds: { load: marks.load, synthesis: marks.synthesis, ...result.seconds, total: marks.total },
  counts: result.counts,
  scratchSecondsPerWindowStep: result.seconds.scratch
    ? result.seconds.scratch / (Number(values.epochs) * Number(values["scratch-windows"]))
    : undefined,
  transferFinal: result.curves.transfer.at(-1),
  scratchFinal: result.curves.scratch?.at(-1),
  initial: result.initial,
  verdict: result.verdict?.summary,
  negativeTransfer: result.verdict?.negativeTransfer,
  calibration: {
    thresholdAtFar: result.calibration.thresholdAtFar,
    recallAtFar: result.calibration.recallAtFar,
  },
};
console.log(JSON.stringify(summary, null, values.json ? 0 : 2));
