// A model directory as the Train tab uploads it (core's modelToFiles on a real head, with the
// training record the worker writes), through the upload check and the store.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import {
  DEFAULT_HEAD_SPEC,
  buildHead,
  headManifest,
  initBrowserBackend,
  modelToFiles,
  type EpochMetrics,
  type TrainWakeWordResult,
} from "@wakeforge/core/browser";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestStore, type TestStore } from "../store/test-store";
import { DEFAULT_TRAINING_SETTINGS } from "../training/training-protocol";
import { buildTrainingRecord } from "../training/training-record";
import { readModelUpload } from "./read-model-upload";

function curve(recalls: readonly number[]): EpochMetrics[] {
  return recalls.map((recallAtFar, i) => ({
    epoch: i + 1,
    loss: 0.5,
    accuracy: 0.8,
    recallAtFar,
    thresholdAtFar: 0.4,
    valAccuracy: 0.8,
    valLoss: 0.4,
    seconds: 1,
  }));
}

/** What trainWakeWord hands back, as far as the training record reads it. */
const result = {
  curves: { transfer: curve([0.6, 0.8]), scratch: curve([0.1, 0.3]) },
  initial: {
    transfer: { recallAtFar: 0.2, thresholdAtFar: 0.5, valAccuracy: 0.5, valLoss: 0.7 },
    scratch: { recallAtFar: 0, thresholdAtFar: 0.5, valAccuracy: 0.5, valLoss: 0.7 },
  },
  verdict: {
    metric: "recallAtFar",
    transferPaidOff: true,
    negativeTransfer: false,
    warning: undefined,
    summary: "start: transfer 60.0% vs scratch 10.0%",
  },
  calibration: {
    falseAcceptRate: 0.05,
    thresholdAtFar: 0.42,
    recallAtFar: 0.8,
    positiveScores: Float32Array.of(0.9, 0.3),
    positiveSources: ["synthetic", "synthetic"],
    positiveSpeakers: ["flite:kal", "flite:kal"],
    negativeClipScores: Float32Array.of(0.1),
    recallBySource: { synthetic: 0.8 },
  },
  counts: {
    trainPositiveWindows: 12,
    trainNegativeWindows: 40,
    minedHardNegatives: 0,
    heldOutPositives: 2,
    heldOutNegativeClips: 1,
  },
  split: { trainSpeakers: ["a"], testSpeakers: ["flite:kal"] },
  seconds: { features: 1, transfer: 1, scratch: 3 },
} as unknown as TrainWakeWordResult;

let files: Record<string, Uint8Array | string>;

beforeAll(async () => {
  await initBrowserBackend("cpu");
  const head = buildHead(DEFAULT_HEAD_SPEC, { seed: 1, name: "trigger_head" });
  const record = buildTrainingRecord({
    phrase: "hey nova",
    backend: "wasm",
    settings: { ...DEFAULT_TRAINING_SETTINGS, epochs: 2 },
    seed: 1,
    result,
    totalSeconds: 7.5,
  });
  files = await modelToFiles(head, headManifest({ phrase: "hey nova", threshold: 0.42 }), {
    "metrics.json": JSON.stringify(record),
    "learning-curves.svg": "<svg/>",
  });
  head.dispose();
});

let current: TestStore | undefined;
afterEach(() => current?.dispose());

function upload(parts: Readonly<Record<string, Uint8Array | string>>): Request {
  const form = new FormData();
  for (const [name, content] of Object.entries(parts)) {
    form.append("file", new Blob([content as BlobPart]), name);
  }
  return new Request("http://x/api/projects/p/models", { method: "POST", body: form });
}

const bytes = (content: Uint8Array | string | undefined) =>
  typeof content === "string" ? new TextEncoder().encode(content) : content;

describe("model upload and store", () => {
  it("stores the directory atomically with the threshold and metrics of its record", async () => {
    current = createTestStore(() => Date.parse("2026-02-01T10:00:00Z"));
    const { store, dataDir } = current;
    const project = await store.createProject({ phrase: "hey nova" });
    const model = await store.addModel(
      project.id,
      await readModelUpload(upload(files), "hey nova"),
    );
    expect(model).toMatchObject({
      projectId: project.id,
      trainedIn: "browser",
      backend: "wasm",
      base: "speech-embedding",
      epochs: 2,
      comparedScratch: true,
      threshold: 0.42,
      falseAcceptRate: 0.05,
      recallAtFar: 0.8,
      scratchRecallAtFar: 0.3,
      verdict: "transfer-helped",
      verdictSummary: "start: transfer 60.0% vs scratch 10.0%",
      trainingSeconds: 7.5,
      files: ["learning-curves.svg", "metrics.json", "model.json", "wakeforge.json", "weights.bin"],
      createdAt: "2026-02-01T10:00:00.000Z",
    });
    const dir = join(dataDir, "projects", project.id, "models", model.id);
    expect(readdirSync(dir).sort()).toEqual(model.files);
    expect(readFileSync(join(dir, "weights.bin"))).toEqual(
      Buffer.from(bytes(files["weights.bin"])!),
    );
    expect(readdirSync(join(dataDir, "projects", project.id, "models"))).toEqual([model.id]);
    expect(store.listModels(project.id)).toEqual([model]);
    expect(store.getModel(project.id, model.id)).toEqual(model);
    expect(store.modelFile(project.id, model.id, "model.json")).toBe(join(dir, "model.json"));
    expect(() => store.modelFile(project.id, model.id, "../../projects.sqlite")).toThrow(
      /has no file/,
    );
  });

  it("refuses incomplete, foreign, mismatched or badly named uploads and stores nothing", async () => {
    const refusal = (parts: Record<string, Uint8Array | string>, phrase = "hey nova") =>
      readModelUpload(upload(parts), phrase).then(
        () => "accepted",
        (error: Error & { code?: string }) => `${error.code}: ${error.message}`,
      );
    const { "weights.bin": weights, ...withoutWeights } = files;
    expect(await refusal(withoutWeights)).toBe("INVALID_MODEL: the model lacks weights.bin");
    expect(await refusal(files, "hey luna")).toMatch(
      /^INVALID_MODEL: wakeforge.json: the model detects "hey nova", not this project's "hey luna"/,
    );
    expect(await refusal({ ...files, "weights.bin": bytes(weights)!.subarray(0, 1000) })).toMatch(
      /weights.bin holds 1000 bytes but model.json declares \d+/,
    );
    expect(await refusal({ ...files, "run.sh": "echo" })).toMatch(
      /^INVALID_MODEL: "run.sh" does not belong in a model directory/,
    );
    expect(await refusal({ ...files, "wakeforge.json": "{}" })).toMatch(
      /^INVALID_MODEL: wakeforge.json: format is undefined/,
    );
    expect(await refusal({ ...files, "metrics.json": '{"curves":{}}' })).toMatch(
      /^INVALID_MODEL: metrics.json: curves.transfer is missing or malformed/,
    );
    const notMultipart = await readModelUpload(
      new Request("http://x/", { method: "POST", body: "{}" }),
      "hey nova",
    ).catch((error: { code: string }) => error.code);
    expect(notMultipart).toBe("NOT_MULTIPART");
  });

  it("deletes a model, and a project with its models", async () => {
    current = createTestStore();
    const { store, dataDir } = current;
    const project = await store.createProject({ phrase: "hey nova" });
    const first = await store.addModel(
      project.id,
      await readModelUpload(upload(files), "hey nova"),
    );
    const second = await store.addModel(
      project.id,
      await readModelUpload(upload(files), "hey nova"),
    );
    expect(store.listModels(project.id).map((m) => m.id)).toEqual([second.id, first.id]);
    await store.deleteModel(project.id, first.id);
    expect(existsSync(join(dataDir, "projects", project.id, "models", first.id))).toBe(false);
    expect(() => store.getModel(project.id, first.id)).toThrow(/there is no model/);
    await expect(store.deleteModel(project.id, first.id)).rejects.toMatchObject({
      code: "MODEL_NOT_FOUND",
    });
    await store.deleteProject(project.id);
    expect(existsSync(join(dataDir, "projects", project.id))).toBe(false);
    expect(() => store.listModels(project.id)).toThrow(/there is no project/);
  });
});
