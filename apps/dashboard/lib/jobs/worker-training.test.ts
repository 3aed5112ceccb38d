// Training on a worker without the worker: the data set snapshot read back by core's own loader
// (the one the train job uses), and a queued job taken, completed and settled into a model of
// the project, as `wakeforge serve` would leave it.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  MODEL_FORMAT,
  MODEL_FORMAT_VERSION,
  loadFolderDataset,
  splitBySpeaker,
  splitWakeWordSpeakers,
} from "@wakeforge/core";
import type { JobQueue, TrainJobSpec } from "@wakeforge/jobs";
import { openSqliteQueue } from "@wakeforge/jobs/node";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { NewSample } from "../store";
import { createTestStore, type TestStore } from "../store/test-store";
import { toneWav } from "../test-audio";
import { writeDatasetSnapshot } from "./dataset-snapshot";
import { digestJobLog } from "./job-log";
import { settleFinishedTrainings } from "./settle-worker-training";
import { submitWorkerTraining } from "./submit-worker-training";
import { DEFAULT_WORKER_SETTINGS } from "./worker-training-settings";

let t: TestStore;
let queue: JobQueue;

function synthesized(label: NewSample["label"], voice: string, text: string): NewSample {
  return {
    label,
    source: "synthesized",
    audio: { bytes: toneWav(0.5) },
    durationSeconds: 0.5,
    engine: "espeak-ng",
    voice,
    text,
  };
}

/** Four positives from three voices (one of them recorded here), four negatives, one noise. */
async function projectWithData(): Promise<string> {
  const { id } = await t.store.createProject({ phrase: "hey nova" });
  await t.store.addSamples(id, [
    synthesized("positive", "en-us+f3", "hey nova"),
    synthesized("positive", "en-us+f3", "hey nova!"),
    synthesized("positive", "en-gb", "hey nova"),
    {
      label: "positive",
      source: "recorded",
      audio: { bytes: toneWav(0.5, 16_000, 300) },
      durationSeconds: 0.5,
    },
    ...[
      ["de", "hey mona"],
      ["fr", "a nova"],
      ["es", "hey now"],
      ["it", "the weather"],
    ].map(([voice, text]) => synthesized("negative", voice!, text!)),
    {
      label: "background",
      source: "uploaded",
      audio: { bytes: toneWav(1, 16_000, 90) },
      durationSeconds: 1,
      originalName: "fan.wav",
    },
  ]);
  return id;
}

beforeEach(() => {
  t = createTestStore();
  queue = openSqliteQueue(join(t.dataDir, "queue.sqlite"));
});

afterEach(async () => {
  await queue.close();
  t.dispose();
});

describe("the data set snapshot a train job reads", () => {
  it("is read by core's folder loader with each clip's voice, source and kind", async () => {
    const projectId = await projectWithData();
    const dir = join(t.dataDir, "snapshot");
    const snapshot = await writeDatasetSnapshot(t.store, projectId, dir);
    expect(snapshot.counts).toEqual({ positive: 4, negative: 4, background: 1 });
    expect(snapshot.positiveVoices).toBe(3);
    // Written whole under a temporary name: nothing half-written is left beside it.
    expect(readdirSync(t.dataDir).filter((name) => name.startsWith("snapshot"))).toEqual([
      "snapshot",
    ]);

    const dataset = await loadFolderDataset(dir);
    expect(dataset.errors).toEqual([]);
    const voices = dataset.positives.map((clip) => `${clip.speakerId}/${clip.source}`).sort();
    expect(voices).toEqual([
      "espeak-ng:en-gb/synthetic",
      "espeak-ng:en-us+f3/synthetic",
      "espeak-ng:en-us+f3/synthetic",
      "user:recorded/recorded",
    ]);
    expect(new Set(dataset.negatives.map((clip) => clip.speakerId))).toEqual(
      new Set(["espeak-ng:de", "espeak-ng:fr", "espeak-ng:es", "espeak-ng:it"]),
    );
    expect(dataset.background).toHaveLength(1);
    expect(dataset.positives[0]?.samples.length).toBe(8_000);
  });

  it("keeps the samples it was taken with when the project changes afterwards", async () => {
    const projectId = await projectWithData();
    const dir = join(t.dataDir, "snapshot");
    await writeDatasetSnapshot(t.store, projectId, dir);
    const [first] = t.store.listSamples(projectId).filter((s) => s.label === "negative");
    await t.store.deleteSample(projectId, first!.id);
    expect(existsSync(join(dir, "negatives", `${first!.id}.wav`))).toBe(true);
    await expect(writeDatasetSnapshot(t.store, projectId, dir)).rejects.toThrow();
  });
});

/** What `wakeforge train --out` leaves: head, manifest with a threshold, training record. */
function writeWorkerModel(out: string, phrase: string): void {
  mkdirSync(out, { recursive: true });
  writeFileSync(
    join(out, "model.json"),
    JSON.stringify({ modelTopology: {}, weightsManifest: [] }),
  );
  writeFileSync(join(out, "weights.bin"), new Uint8Array(16));
  writeFileSync(
    join(out, "wakeforge.json"),
    JSON.stringify({
      format: MODEL_FORMAT,
      formatVersion: MODEL_FORMAT_VERSION,
      kind: "head",
      phrase,
      threshold: 0.42,
      createdAt: "2026-12-04T18:00:00.000Z",
      versions: {},
    }),
  );
  writeFileSync(
    join(out, "metrics.json"),
    JSON.stringify({
      phrase,
      backend: "wasm",
      curves: {
        transfer: [
          { epoch: 1, loss: 0.6, accuracy: 0.7, recallAtFar: 0.5 },
          { epoch: 2, loss: 0.3, accuracy: 0.9, recallAtFar: 0.75 },
        ],
        scratch: [
          { epoch: 1, loss: 0.7, accuracy: 0.5, recallAtFar: 0.1 },
          { epoch: 2, loss: 0.65, accuracy: 0.55, recallAtFar: 0.25 },
        ],
      },
      verdict: { transferPaidOff: true, negativeTransfer: false, summary: "Transfer paid off." },
      seconds: { total: 12.5 },
    }),
  );
  writeFileSync(join(out, "report.html"), "<html></html>");
}

describe("a training on a worker, from the queue to the model list", () => {
  it("queues a train job on the snapshot and stores the finished model once", async () => {
    const projectId = await projectWithData();
    const settings = {
      ...DEFAULT_WORKER_SETTINGS,
      epochs: 2,
      negativeMinutes: 1,
      backgroundMinutes: 0,
    };
    const training = await submitWorkerTraining(t.store, queue, projectId, settings);
    const record = await queue.get(training.jobId);
    const spec = record?.spec as TrainJobSpec;
    expect(record?.state).toBe("queued");
    expect(spec).toMatchObject({
      kind: "train",
      word: "hey nova",
      epochs: 2,
      compareScratch: true,
      negativeMinutes: 1,
      backgroundMinutes: 0,
    });
    expect(readdirSync(join(spec.positives!, "positives"))).toHaveLength(4);

    const claimed = await queue.claim("gpu-box-7", { leaseMs: 60_000, backend: "wasm" });
    expect(claimed?.record.id).toBe(training.jobId);
    writeWorkerModel(spec.out, "hey nova");
    await claimed!.complete({ artifactsDir: spec.out });

    await Promise.all([
      settleFinishedTrainings(t.store, queue, projectId),
      settleFinishedTrainings(t.store, queue, projectId),
    ]);
    await settleFinishedTrainings(t.store, queue, projectId);
    const models = t.store.listModels(projectId);
    expect(models).toHaveLength(1);
    expect(models[0]).toMatchObject({
      trainedIn: "worker gpu-box-7",
      backend: "wasm",
      epochs: 2,
      comparedScratch: true,
      threshold: 0.42,
      recallAtFar: 0.75,
      scratchRecallAtFar: 0.25,
      verdict: "transfer-helped",
      trainingSeconds: 12.5,
    });
    expect(models[0]?.files).toEqual([
      "metrics.json",
      "model.json",
      "wakeforge.json",
      "weights.bin",
    ]);
    expect(t.store.getWorkerTraining(training.jobId)).toMatchObject({
      modelId: models[0]?.id,
      recordError: null,
    });
    expect(existsSync(join(spec.out, ".."))).toBe(false);
  });

  it("stores nothing for a cancelled job, and refuses a project without enough data", async () => {
    const projectId = await projectWithData();
    const training = await submitWorkerTraining(t.store, queue, projectId, DEFAULT_WORKER_SETTINGS);
    const spec = (await queue.get(training.jobId))?.spec as TrainJobSpec;
    expect((await queue.cancel(training.jobId)).state).toBe("cancelled");
    await settleFinishedTrainings(t.store, queue, projectId);
    expect(t.store.listModels(projectId)).toEqual([]);
    expect(t.store.getWorkerTraining(training.jobId)?.settledAt).not.toBeNull();
    expect(existsSync(spec.positives!)).toBe(false);

    const empty = await t.store.createProject({ phrase: "ok lamp" });
    await expect(
      submitWorkerTraining(t.store, queue, empty.id, DEFAULT_WORKER_SETTINGS),
    ).rejects.toMatchObject({ code: "NOT_ENOUGH_DATA" });
    expect(await queue.list()).toHaveLength(1);
  });
  it("keeps the seed asked for where one split of all voices would hold out no voice saying the phrase", async () => {
    const projectId = await projectWithData();
    const positiveVoices = new Set(["espeak-ng:en-us+f3", "espeak-ng:en-gb", "user:recorded"]);
    type Loaded = Awaited<ReturnType<typeof loadFolderDataset>>;
    const saying = (speakers: string[]) => speakers.filter((s) => positiveVoices.has(s)).length;
    const probe = await loadFolderDataset(
      (await writeDatasetSnapshot(t.store, projectId, join(t.dataDir, "probe"))).dir,
    );
    const joint = (dataset: Loaded, seed: number) =>
      splitBySpeaker([...dataset.positives, ...dataset.negatives], { seed, testFraction: 0.2 });
    // A seed whose plain draw holds out no positive voice (or every one).
    let bad = 0;
    while (![0, positiveVoices.size].includes(saying(joint(probe, bad).testSpeakers)) && bad < 1000)
      bad += 1;
    expect(bad).toBeLessThan(1000);
    const training = await submitWorkerTraining(t.store, queue, projectId, {
      ...DEFAULT_WORKER_SETTINGS,
      seed: bad,
    });
    const spec = (await queue.get(training.jobId))?.spec as TrainJobSpec;
    expect(spec.seed).toBe(bad);
    // The split trainWakeWord makes with it still tests on a voice saying the phrase.
    const dataset = await loadFolderDataset(spec.positives!);
    const split = splitWakeWordSpeakers(dataset.positives, dataset.negatives, {
      seed: bad,
      testFraction: 0.2,
    });
    expect(saying(split.testSpeakers)).toBeGreaterThan(0);
    expect(saying(split.testSpeakers)).toBeLessThan(positiveVoices.size);
  });

  it("settles a training whose job the queue no longer has, saying so", async () => {
    const projectId = await projectWithData();
    const training = await submitWorkerTraining(t.store, queue, projectId, DEFAULT_WORKER_SETTINGS);
    const runDir = t.store.workerRunDir(projectId, training.jobId);
    expect(existsSync(join(runDir, "dataset", "manifest.json"))).toBe(true);
    const replaced = openSqliteQueue(join(t.dataDir, "other-queue.sqlite"));
    try {
      await settleFinishedTrainings(t.store, replaced, projectId);
    } finally {
      await replaced.close();
    }
    expect(t.store.getWorkerTraining(training.jobId)?.recordError).toMatch(
      /the queue no longer has this job/,
    );
    expect(existsSync(runDir)).toBe(false);
  });
});

describe("a job's log", () => {
  it("keeps the curves of the latest run only, and its start", () => {
    const base = { jobId: "j" };
    const digest = digestJobLog([
      {
        ...base,
        timeMs: 1,
        type: "log",
        level: "info",
        message: "attempt 1 of 3 on worker a (backend wasm)",
      },
      {
        ...base,
        timeMs: 2,
        type: "epoch",
        run: "transfer",
        epoch: 1,
        metrics: { loss: 0.5, accuracy: 0.6 },
      },
      {
        ...base,
        timeMs: 3,
        type: "log",
        level: "info",
        message: "attempt 2 of 3 on worker b (backend node)",
      },
      { ...base, timeMs: 4, type: "stage", stage: "training" },
      { ...base, timeMs: 5, type: "progress", fraction: 0.4 },
      {
        ...base,
        timeMs: 6,
        type: "epoch",
        run: "scratch",
        epoch: 1,
        metrics: { loss: 0.7, accuracy: 0.5, recallAtFar: 0.2 },
      },
    ]);
    expect(digest.runStartedMs).toBe(3);
    expect(digest.stage).toBe("training");
    expect(digest.epochs).toEqual([
      { run: "scratch", epoch: 1, loss: 0.7, accuracy: 0.5, recallAtFar: 0.2, valLoss: null },
    ]);
    expect(digest.fractions).toEqual([{ timeMs: 5, fraction: 0.4 }]);
    expect(digest.lines.map((line) => line.text)).toContain(
      "scratch epoch 1: loss 0.7000, accuracy 50.0 %, held-out recall 20.0 %",
    );
  });
});
