// The evaluation on a real head: openWakeWord's "alexa" (it fires on espeak-ng's British
// "alexa" and stays low on other speech) against generated negative speech, music and noise.
import { execFileSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decodeWav, encodeWav, resample } from "@wakeforge/audio";
import { readAudioFile } from "@wakeforge/audio/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initBackend } from "../backends/node-backends.js";
import { scoreClip, type DetectorHead } from "../detector/streaming-detector.js";
import { Embedder } from "../features/embedder.js";
import { fullyConvolutionalBase } from "../models/fully-convolutional.js";
import { loadOpenWakeWordHead, loadSpeechEmbeddingBase } from "../models/node-model-files.js";
import { calibrateThreshold } from "./det-curve.js";
import { evaluateDetector, type EvaluationResult, type LongNegative } from "./evaluate-detector.js";
import { scoreLongAudio } from "./long-audio.js";
import { generateNegativeAudio } from "./negative-audio.js";
import { falseAcceptsPerHour } from "./stream-metrics.js";

function speak(text: string, voice: string): Float32Array {
  const wav = execFileSync("espeak-ng", ["-v", voice, "-s", "150", "--stdout", text]);
  const decoded = decodeWav(new Uint8Array(wav), { fileName: voice });
  return resample(decoded.samples, decoded.sampleRateHz, 16_000);
}

let dir: string;
let embedder: Embedder;
let alexa: DetectorHead;
let negatives: LongNegative[];
let result: EvaluationResult;
let evaluationSeconds: number;
const phases = new Set<string>();
let sawFileProgress = false;
/** Timer ticks seen while the positives were being scored (the event loop got turns). */
let ticksDuringPositives = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "wakeforge-eval-"));
  await initBackend("wasm");
  embedder = new Embedder(fullyConvolutionalBase(await loadSpeechEmbeddingBase()));
  alexa = { name: "alexa", model: await loadOpenWakeWordHead("alexa"), policy: { threshold: 0.5 } };
  const generated = await generateNegativeAudio({
    outDir: dir,
    minutes: 2,
    seed: 5,
    excludeWords: ["alexa"],
  });
  negatives = generated.map((g) => ({ name: g.name, kind: g.kind, path: g.path }));
  const started = performance.now();
  let ticks = 0;
  let ticksAtPositives: number | undefined;
  const ticker = setInterval(() => (ticks += 1), 0);
  result = await evaluateDetector({
    embedder,
    head: alexa,
    positives: [
      { name: "alexa-en", samples: speak("alexa", "en"), source: "synthetic" },
      { name: "alexa-rp", samples: speak("alexa", "en-gb-x-rp"), source: "recorded" },
    ],
    negativeClips: [
      { name: "a lexus", samples: speak("a lexus", "en") },
      { name: "election", samples: speak("election", "en-us") },
    ],
    longNegatives: negatives,
    targetFalseAcceptsPerHour: 0.5,
    refractorySeconds: 2,
    onProgress: (p) => {
      if (p.phase === "positives" && p.done === 0) ticksAtPositives = ticks;
      if (p.phase === "confusables" && p.done === 0 && ticksAtPositives !== undefined) {
        ticksDuringPositives = ticks - ticksAtPositives;
      }
      phases.add(p.phase);
      if (p.fileDoneSeconds !== undefined && p.fileTotalSeconds === 40) sawFileProgress = true;
    },
  });
  evaluationSeconds = (performance.now() - started) / 1000;
  clearInterval(ticker);
  console.log(
    `evaluated ${result.timing.audioSeconds.toFixed(0)} s of audio in ${evaluationSeconds.toFixed(1)} s;` +
      ` threshold ${result.threshold.toFixed(4)}, FA/h ${result.falseAccepts.overall.perHour.toFixed(1)}`,
  );
}, 120_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("evaluateDetector on openWakeWord's alexa head", () => {
  it("lets timers run between clips instead of holding the event loop", () => {
    expect(ticksDuringPositives).toBeGreaterThan(0);
  });

  it("catches both synthesized 'alexa' clips, reported by source, with a latency", () => {
    expect(result.recall.overall).toEqual({ detected: 2, total: 2, recall: 1 });
    expect(result.recall.bySource.synthetic?.recall).toBe(1);
    expect(result.recall.bySource.recorded?.recall).toBe(1);
    expect(result.latency.count).toBe(2);
    expect(Math.abs(result.latency.p50Seconds)).toBeLessThan(1);
    const positives = result.samples.filter((s) => s.role === "positive");
    expect(positives.every((p) => p.maxScore > 0.9)).toBe(true);
  });

  it("computes false accepts per hour over speech, music and noise, and says what set the threshold", () => {
    const { overall, byKind } = result.falseAccepts;
    expect(overall.hours).toBeCloseTo(2 / 60, 6);
    expect(Object.keys(byKind).sort()).toEqual(["music", "noise", "speech"]);
    expect(overall.perHour).toBeLessThanOrEqual(0.5);
    expect(result.thresholdSource).toBe("calibrated");
    expect(result.thresholdSetBy).toEqual(["negative-speech", "negative-music", "negative-noise"]);
    expect(result.calibratedOnEvaluationAudio).toBe(true);
    // Worst first: margins never fall.
    for (let i = 1; i < result.samples.length; i += 1) {
      expect(result.samples[i]?.margin).toBeGreaterThanOrEqual(result.samples[i - 1]?.margin ?? 0);
    }
    expect(result.confusableFalseAcceptRate.total).toBe(2);
    expect([...phases].sort()).toEqual([
      "calibration",
      "confusables",
      "det",
      "long-negatives",
      "positives",
    ]);
    expect(sawFileProgress).toBe(true);
  });

  it("draws a DET curve that is monotone", () => {
    expect(result.det.length).toBeGreaterThan(10);
    expect(result.det.length).toBeLessThanOrEqual(200);
    for (let i = 1; i < result.det.length; i += 1) {
      const [a, b] = [result.det[i - 1], result.det[i]];
      if (!a || !b) throw new Error("missing point");
      expect(b.threshold).toBeGreaterThan(a.threshold);
      expect(b.falseRejectRate).toBeGreaterThanOrEqual(a.falseRejectRate);
      expect(b.falseAcceptsPerHour).toBeLessThanOrEqual(a.falseAcceptsPerHour);
    }
  });

  it("calibrates a threshold that meets the target on the calibration audio, and no lower one does", async () => {
    const streams = [];
    for (const negative of negatives) {
      const scored = await scoreLongAudio(embedder, [alexa], negative.path ?? "");
      streams.push({
        scores: scored.heads.alexa?.scores ?? new Float32Array(0),
        durationSeconds: scored.durationSeconds,
      });
    }
    // A strict target on two minutes: even one wake would be 30 per hour.
    for (const target of [0.5, 100]) {
      const calibration = calibrateThreshold({
        negativeScores: streams,
        targetFalseAcceptsPerHour: target,
        refractorySeconds: 2,
      });
      expect(calibration.met).toBe(true);
      expect(
        falseAcceptsPerHour(streams, calibration.threshold, { refractorySeconds: 2 }).perHour,
      ).toBeLessThanOrEqual(target);
      if (calibration.threshold > 1e-6) {
        const lower = falseAcceptsPerHour(streams, calibration.threshold - 1e-6, {
          refractorySeconds: 2,
        });
        expect(lower.perHour).toBeGreaterThan(target);
      }
    }
  }, 60_000);

  it("scores a file streamed in segments exactly as the samples in one pass", async () => {
    // About three minutes: the three negative files back to back.
    const parts = await Promise.all(
      negatives.map(async (n) => (await readAudioFile(n.path ?? "")).samples),
    );
    const joined = new Float32Array(parts.reduce((s, p) => s + p.length, 0));
    let at = 0;
    for (const part of parts) {
      joined.set(part, at);
      at += part.length;
    }
    // Re-read through a file so the comparison includes 16-bit quantization on both sides.
    const path = join(dir, "joined.wav");
    await writeFile(path, encodeWav(joined, 16_000));
    const samples = (await readAudioFile(path)).samples;
    const started = performance.now();
    const fromFile = await scoreLongAudio(embedder, [alexa], path, { segmentSeconds: 30 });
    const fileSeconds = (performance.now() - started) / 1000;
    console.log(
      `scoreLongAudio: ${fromFile.durationSeconds.toFixed(0)} s of audio in ${fileSeconds.toFixed(2)} s`,
    );
    // Odd segment lengths on the first minute (scores are causal: a prefix gives a prefix).
    const oddSegments = await scoreLongAudio(embedder, [alexa], samples.subarray(0, 60 * 16_000), {
      segmentSeconds: 7.3,
    });
    const batch = scoreClip(embedder, [alexa], samples).steps.filter(
      (s) => s.scores.alexa !== undefined,
    );
    const series = fromFile.heads.alexa;
    expect(fromFile.durationSeconds).toBeCloseTo(samples.length / 16_000, 9);
    expect(series?.scores.length).toBe(batch.length);
    expect(oddSegments.heads.alexa?.scores.length).toBeGreaterThan(700);
    expect(series?.firstStepIndex).toBe(15);
    expect(series?.firstTimeSeconds).toBeCloseTo(batch[0]?.timeSeconds ?? 0, 9);
    let worst = 0;
    batch.forEach((step, i) => {
      worst = Math.max(worst, Math.abs((series?.scores[i] ?? 0) - (step.scores.alexa ?? 0)));
      const odd = oddSegments.heads.alexa?.scores;
      if (odd && i < odd.length) {
        worst = Math.max(worst, Math.abs((odd[i] ?? 0) - (step.scores.alexa ?? 0)));
      }
    });
    expect(worst).toBeLessThan(1e-5);
  }, 60_000);
});
