// Small, real training runs: a phrase spoken by espeak-ng voices, other speech as negatives,
// generated background noise. Transfer on the real base learns; the same data on a base with
// random weights does not, and the verdict flags it; the scratch run mirrors the transfer run.
import * as tf from "@tensorflow/tfjs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initBackend } from "../backends/node-backends.js";
import type { Dataset, DatasetClip } from "../dataset/dataset-types.js";
import { EmbeddingCache } from "../dataset/embedding-cache.js";
import { generatedBackgroundClips } from "../dataset/generated-noise.js";
import { registerOnnxLayers } from "../onnx/index.js";
import { reinitializedCopy } from "../surgery/reinitialize.js";
import { NEGATIVE_TEXTS, TEST_VOICES, spokenClip } from "./test-speech.js";
import { loadDefaultTrainingBase, trainWakeWord } from "./node-training.js";
import type { TrainingBase, TrainingProgressEvent } from "./train-wake-word.js";
import { compareLearningCurves } from "./verdict.js";

let base: TrainingBase;
let dataset: Dataset;
let cacheDir: string;

beforeAll(async () => {
  await initBackend("wasm");
  base = await loadDefaultTrainingBase();
  const positives: DatasetClip[] = TEST_VOICES.flatMap((voice) =>
    [140, 175, 210].map((rate) => spokenClip("positive", voice, "hey nova", { rate })),
  );
  const negatives: DatasetClip[] = TEST_VOICES.flatMap((voice, v) =>
    [0, 1, 2, 3].map((k) =>
      spokenClip("negative", voice, NEGATIVE_TEXTS[(v + k * 5) % NEGATIVE_TEXTS.length] as string),
    ),
  );
  const background = generatedBackgroundClips({
    seconds: 6,
    seed: 1,
    speech: negatives.slice(0, 6).map((c) => c.samples),
  });
  dataset = {
    root: "memory",
    layout: "memory",
    positives,
    negatives,
    background,
    errors: [],
  };
  cacheDir = await mkdtemp(join(tmpdir(), "wakeforge-cache-"));
}, 120_000);

afterAll(async () => {
  if (cacheDir) await rm(cacheDir, { recursive: true, force: true });
});

const SMALL = {
  ensembleSize: 1,
  epochs: 8,
  falseAcceptRate: 0.15,
  seed: 3,
  augmentationsPerPositive: 2,
  testFraction: 0.3,
} as const;

describe("trainWakeWord", () => {
  let realRecall: number[] = [];
  let realCurve: Awaited<ReturnType<typeof trainWakeWord>>["curves"]["transfer"] = [];

  it("transfer on the real base: loss falls and held-out recall beats chance", async () => {
    const events: TrainingProgressEvent[] = [];
    const cache = new EmbeddingCache(cacheDir);
    const result = await trainWakeWord(
      { phrase: "hey nova", dataset, base, cache, ...SMALL },
      { onProgress: (e) => events.push(e) },
    );
    realCurve = result.curves.transfer;
    realRecall = realCurve.map((m) => m.recallAtFar);
    console.log(
      "real base:",
      realCurve.map((m) => `${m.loss.toFixed(3)}/${m.recallAtFar.toFixed(2)}`).join(" "),
      result.counts,
      result.seconds,
    );
    expect(realCurve).toHaveLength(SMALL.epochs);
    expect(realCurve.at(-1)!.loss).toBeLessThan(realCurve[0]!.loss);
    // Chance at a 5% clip false-accept rate is 5% recall.
    expect(Math.max(...realRecall)).toBeGreaterThan(0.5);
    // Held-out voices are not trained on.
    const testVoices = new Set(result.calibration.positiveSpeakers);
    expect(result.split.trainSpeakers.some((s) => testVoices.has(s))).toBe(false);
    // Progress in the jobs protocol's shape.
    expect(events.filter((e) => e.type === "epoch")).toHaveLength(SMALL.epochs);
    expect(events.some((e) => e.type === "stage" && e.stage === "training")).toBe(true);
    const fractions = events.flatMap((e) => (e.type === "progress" ? [e.fraction] : []));
    expect(fractions.at(-1)).toBe(1);
    expect(fractions.every((f, i) => i === 0 || f >= (fractions[i - 1] as number) - 1e-9)).toBe(
      true,
    );
    // Every clip was embedded once and stored.
    expect(cache.stats.computed).toBeGreaterThan(0);
    expect(cache.stats.hits).toBe(0);
  }, 120_000);

  it("a second run on the same data hits the embedding cache and does no base pass", async () => {
    const cache = new EmbeddingCache(cacheDir);
    const result = await trainWakeWord({
      phrase: "hey nova",
      dataset,
      base,
      cache,
      ...SMALL,
      epochs: 1,
    });
    expect(cache.stats.computed).toBe(0);
    expect(cache.stats.misses).toBe(0);
    expect(cache.stats.hits).toBeGreaterThan(0);
    const { seconds: _a, validationSeconds: _c, ...first } = result.curves.transfer[0]!;
    const { seconds: _b, validationSeconds: _d, ...expected } = realCurve[0]!;
    expect(first).toEqual(expected);
  }, 60_000);

  it("an aborted signal stops training at the next epoch boundary with the signal's reason", async () => {
    const controller = new AbortController();
    const epochsSeen: number[] = [];
    const reason = new Error("worker shutting down");
    const run = trainWakeWord(
      { phrase: "hey nova", dataset, base, cache: cacheDir, ...SMALL },
      {
        signal: controller.signal,
        onProgress: (e) => {
          if (e.type !== "epoch") return;
          epochsSeen.push(e.epoch);
          if (e.epoch === 2) controller.abort(reason);
        },
      },
    );
    await expect(run).rejects.toBe(reason);
    expect(epochsSeen).toEqual([1, 2]);
  }, 60_000);

  it("an ensemble keeps the first head's curves and ships the mean of its members", async () => {
    const options = { phrase: "hey nova", dataset, base, cache: cacheDir, ...SMALL, epochs: 2 };
    const single = await trainWakeWord(options);
    const ensemble = await trainWakeWord({ ...options, ensembleSize: 3 });
    const withoutTimes = (curve: typeof realCurve) =>
      curve.map(({ seconds: _s, validationSeconds: _v, ...m }) => m);
    expect(withoutTimes(ensemble.curves.transfer)).toEqual(withoutTimes(single.curves.transfer));

    const members = ensemble.transferHead.getLayer("head_members");
    expect(members.outputShape).toEqual([null, 3]);
    // The held-out scores (and so the calibration) are the shipped detector's, not member 1's.
    const embeddings = tf.randomNormal(
      [5, ...single.transferHead.inputs[0]!.shape.slice(1).map((d) => d ?? 1)],
      0,
      1,
      "float32",
      7,
    );
    const memberScores = tf.model({
      inputs: ensemble.transferHead.inputs,
      outputs: members.output as tf.SymbolicTensor,
    });
    const perMember = (memberScores.predict(embeddings) as tf.Tensor).arraySync() as number[][];
    const shipped = (ensemble.transferHead.predict(embeddings) as tf.Tensor).dataSync();
    perMember.forEach((row, i) =>
      expect(shipped[i]).toBeCloseTo(row.reduce((a, b) => a + b, 0) / row.length, 5),
    );
    // Member 1 is the single run's head, so it scores as that head does.
    const singleScores = (single.transferHead.predict(embeddings) as tf.Tensor).dataSync();
    perMember.forEach((row, i) => expect(row[0]).toBeCloseTo(singleScores[i]!, 5));
    expect(Array.from(ensemble.calibration.positiveScores)).not.toEqual(
      Array.from(single.calibration.positiveScores),
    );
    embeddings.dispose();
  }, 120_000);

  it("timers keep running while heads train (a worker's heartbeats and signals are not starved)", async () => {
    const ticks: number[] = [];
    const timer = setInterval(() => ticks.push(performance.now()), 10);
    let trainingFrom = Infinity;
    let trainingTo = Infinity;
    try {
      await trainWakeWord(
        { phrase: "hey nova", dataset, base, cache: cacheDir, ...SMALL, epochs: 8 },
        {
          onProgress: (e) => {
            if (e.type !== "stage") return;
            if (e.stage === "training") trainingFrom = performance.now();
            else if (trainingFrom < Infinity && trainingTo === Infinity)
              trainingTo = performance.now();
          },
        },
      );
    } finally {
      clearInterval(timer);
    }
    // The cached features make training the only long stretch without I/O of its own. The loop
    // yields every 50 ms of work, so a 10 ms timer fires at least once per 100 ms of training
    // however fast the machine is (a starved loop gives none at all).
    const trainingMillis = trainingTo - trainingFrom;
    expect(trainingMillis).toBeGreaterThan(0);
    expect(trainingMillis).toBeLessThan(Infinity);
    const during = ticks.filter((t) => t > trainingFrom && t < trainingTo).length;
    expect(during).toBeGreaterThanOrEqual(Math.max(1, Math.floor(trainingMillis / 100)));
  }, 60_000);

  it("a base with random weights transfers worse, and the verdict calls it negative transfer", async () => {
    registerOnnxLayers();
    const random: TrainingBase = {
      model: await reinitializedCopy(base.model, 99),
      id: "speech-embedding-random-99",
    };
    const result = await trainWakeWord({ phrase: "hey nova", dataset, base: random, ...SMALL });
    const randomCurve = result.curves.transfer;
    console.log(
      "random base:",
      randomCurve.map((m) => `${m.loss.toFixed(3)}/${m.recallAtFar.toFixed(2)}`).join(" "),
    );
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(randomCurve.map((m) => m.recallAtFar))).toBeLessThan(mean(realRecall));
    expect(randomCurve.at(-1)!.valLoss).toBeGreaterThan(realCurve.at(-1)!.valLoss);
    // The random base in the "pre-trained" seat, the real base's curve as the bar to clear.
    const verdict = compareLearningCurves(randomCurve, realCurve);
    expect(verdict.negativeTransfer).toBe(true);
    expect(verdict.warning).toMatch(/negative transfer/i);
    expect(compareLearningCurves(realCurve, randomCurve).negativeTransfer).toBe(false);
  }, 120_000);

  it("the scratch run uses the same seed, epochs and data and gives curves of the same length", async () => {
    const result = await trainWakeWord({
      phrase: "hey nova",
      dataset,
      base,
      cache: cacheDir,
      ...SMALL,
      epochs: 2,
      compareScratch: true,
      scratch: { maxWindowsPerEpoch: 12, batchSize: 12 },
    });
    expect(result.curves.scratch).toHaveLength(2);
    expect(result.curves.transfer).toHaveLength(2);
    expect(result.verdict?.start.transfer).toBe(result.curves.transfer[0]!.recallAtFar);
    expect(result.verdict?.start.scratch).toBe(result.curves.scratch![0]!.recallAtFar);
    expect(result.scratchModel?.inputs[0]?.shape).toEqual([null, 196, 32, 1]);
    expect(result.initial.scratch?.recallAtFar).toBeGreaterThanOrEqual(0);
    expect(result.verdict?.slope.transfer).toBeCloseTo(
      (result.curves.transfer[0]!.recallAtFar - result.initial.transfer.recallAtFar) / 1,
    );
    // Its base is a fresh copy: no weight equals the pre-trained base's.
    const pretrained = base.model.getLayer("conv_1").getWeights()[0]!.dataSync();
    const scratchBase = result.scratchModel!.layers.find(
      (l) => l instanceof tf.LayersModel,
    ) as tf.LayersModel;
    const scratchConv = scratchBase.getLayer("conv_1");
    expect(scratchConv).toBeDefined();
    expect(scratchConv!.getWeights()[0]!.dataSync()).not.toEqual(pretrained);
  }, 120_000);
});
