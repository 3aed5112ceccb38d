// Test doubles for the services the screens use: no tfjs, no child process, no queue. Each fake
// records what it was asked and lets the test play the other side (training events, scores).
import type { BackendReport } from "@wakeforge/core";
import type { JobProgressEvent, QueuedJobRecord, TrainJobSpec } from "@wakeforge/jobs";
import type { TuiConfig } from "../src/components/App.js";
import type { ScoreStep } from "../src/detect/run-detection.js";
import type { ModelRecord } from "../src/model/model-record.js";
import type { DataDirSummary } from "../src/model/read-data-dir.js";
import type { QueueSnapshot } from "../src/queue/watch-queue.js";
import type { DetectionRequest, TuiServices } from "../src/services.js";
import type { TrainingEnd } from "../src/training/training-run.js";
import { DEFAULT_TRAINING_SETTINGS } from "../src/training/training-settings.js";

export function testConfig(overrides: Partial<TuiConfig> = {}): TuiConfig {
  return {
    dataDir: "/data",
    queue: "/data/queue.sqlite",
    backend: "auto",
    screen: "overview",
    model: undefined,
    file: undefined,
    mic: false,
    training: DEFAULT_TRAINING_SETTINGS,
    startTraining: false,
    system: { nodeVersion: "v20.19.0", platform: "linux", arch: "arm64" },
    ...overrides,
  };
}

export function emptyDataDir(dataDir = "/data"): DataDirSummary {
  return { dataDir, exists: false, models: [], unreadable: [], work: [] };
}

export function modelRecord(overrides: Partial<ModelRecord> = {}): ModelRecord {
  return {
    dir: "/data/models/hey-nova",
    name: "models/hey-nova",
    manifest: {
      format: "wakeforge-model",
      formatVersion: 1,
      kind: "head",
      phrase: "hey nova",
      threshold: 0.4048,
      createdAt: "2026-12-04T15:24:05.365Z",
      versions: { wakeforge: "0.1.0" },
    },
    curves: {
      transfer: [
        { epoch: 1, loss: 0.98, accuracy: 0.52, recallAtFar: 0.5, valLoss: 0.74 },
        { epoch: 2, loss: 0.7, accuracy: 0.66, recallAtFar: 1, valLoss: 0.5 },
      ],
    },
    verdict: {
      summary: "start: transfer 50.0% vs scratch 0.0%",
      negativeTransfer: false,
      warning: undefined,
    },
    evaluation: {
      threshold: 0.4048,
      thresholdSource: "calibrated",
      thresholdSetBy: ["negative-speech", "negative-music"],
      targetFalseAcceptsPerHour: 0.5,
      recall: { detected: 9, total: 10, recall: 0.9 },
      recallBySource: { synthetic: { detected: 9, total: 10, recall: 0.9 } },
      falseAccepts: { falseAccepts: 1, hours: 2, perHour: 0.5 },
      falseAcceptsByKind: { speech: { falseAccepts: 1, hours: 1, perHour: 1 } },
      confusable: { detected: 1, total: 4, recall: 0.25 },
      latency: { count: 9, p50Seconds: 0.12, p90Seconds: 0.3 },
      det: [
        { threshold: 0.1, falseRejectRate: 0, falseAcceptsPerHour: 120 },
        { threshold: 0.4, falseRejectRate: 0.1, falseAcceptsPerHour: 0.5 },
        { threshold: 0.9, falseRejectRate: 0.7, falseAcceptsPerHour: 0 },
      ],
    },
    trainingSeconds: 24,
    ...overrides,
  };
}

/** An event without what the worker adds (the job id, the time), one type at a time. */
export type EventBody = JobProgressEvent extends infer E
  ? E extends JobProgressEvent
    ? Omit<E, "jobId" | "timeMs">
    : never
  : never;

/** A training run the test drives: it sends events and ends the run when it likes. */
export interface FakeTraining {
  readonly specs: TrainJobSpec[];
  readonly stops: () => number;
  emit(event: EventBody): void;
  end(end: TrainingEnd): void;
}

export function fakeServices(overrides: Partial<TuiServices> = {}) {
  const specs: TrainJobSpec[] = [];
  let stopCount = 0;
  let send: ((event: JobProgressEvent) => void) | undefined;
  let finish: ((end: TrainingEnd) => void) | undefined;
  const training: FakeTraining = {
    specs,
    stops: () => stopCount,
    emit(event) {
      send?.({ ...event, jobId: "job-1", timeMs: Date.now() } as JobProgressEvent);
    },
    end(end) {
      finish?.(end);
    },
  };
  const detections: {
    request: DetectionRequest;
    score(step: ScoreStep): void;
    detection(step: ScoreStep): void;
    end(error?: Error): void;
  }[] = [];
  const snapshots: ((snapshot: QueueSnapshot) => void)[] = [];
  const cancelled: string[] = [];
  const services: TuiServices = {
    probeBackend: () => new Promise<BackendReport>(() => {}),
    readDataDir: async (dataDir) => emptyDataDir(dataDir),
    readModelRecord: async () => modelRecord(),
    startTraining: async (spec, onEvent) => {
      specs.push(spec);
      send = onEvent;
      return {
        jobId: "job-1",
        stop: () => {
          stopCount += 1;
        },
        finished: new Promise<TrainingEnd>((resolve) => (finish = resolve)),
      };
    },
    watchQueue: (_location, onSnapshot) => {
      snapshots.push(onSnapshot);
      return {
        cancel: async (id) => {
          cancelled.push(id);
          return queuedJob({ id, state: "cancelled" });
        },
        close: async () => {},
      };
    },
    detect: (request, hooks) =>
      new Promise<void>((resolve, reject) => {
        detections.push({
          request,
          score: hooks.onScore,
          detection: hooks.onDetection,
          end: (error) => (error ? reject(error) : resolve()),
        });
        hooks.signal.addEventListener("abort", () => resolve());
      }),
    ...overrides,
  };
  return {
    services,
    training,
    detections,
    cancelled,
    /** Sends a queue snapshot to every screen watching. */
    queue: (snapshot: QueueSnapshot) => snapshots.forEach((send1) => send1(snapshot)),
  };
}

export function queuedJob(overrides: Partial<QueuedJobRecord> = {}): QueuedJobRecord {
  return {
    id: "job-1",
    spec: {
      version: 1,
      kind: "train",
      word: "hey nova",
      synth: 8,
      base: "speech-embedding",
      epochs: 2,
      seed: 0,
      compareScratch: false,
      fineTune: false,
      backgroundMinutes: 1,
      negativeMinutes: 1,
      backend: "auto",
      out: "/data/models/hey-nova",
    },
    state: "running",
    progress: 0.4,
    attempts: 1,
    maxAttempts: 3,
    worker: "host-1",
    backend: "wasm",
    createdAtMs: Date.now() - 60_000,
    updatedAtMs: Date.now() - 2_000,
    notBeforeMs: 0,
    cancelRequested: false,
    ...overrides,
  } as QueuedJobRecord;
}
