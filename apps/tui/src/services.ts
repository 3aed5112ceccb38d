// Everything the screens do outside React: read the data directory, start training, listen,
// watch a queue, probe the backend. The CLI passes the real ones; tests pass fakes, so a screen
// test runs no tfjs, no child process and no queue.
import {
  initBackend,
  loadDetectorDirectory,
  type BackendChoice,
  type BackendReport,
} from "@wakeforge/core";
import type { JobProgressEvent, TrainJobSpec } from "@wakeforge/jobs";
import { fileSource, microphoneSource } from "./detect/audio-sources.js";
import { NO_RECORDER_MESSAGE, findRecorder } from "./detect/recorder.js";
import { runDetection, type DetectionHooks } from "./detect/run-detection.js";
import type { TuiEnv } from "./env.js";
import { readDataDir, type DataDirSummary } from "./model/read-data-dir.js";
import { readModelRecord, type ModelRecord } from "./model/model-record.js";
import { locateWakeforge } from "./programs/locate-wakeforge.js";
import { watchQueue, type QueueSnapshot, type QueueWatch } from "./queue/watch-queue.js";
import { startTrainingRun, type TrainingRun } from "./training/training-run.js";

export type DetectionSource =
  { readonly kind: "file"; readonly path: string } | { readonly kind: "mic" };

export interface DetectionRequest {
  readonly model: string;
  readonly source: DetectionSource;
  /** Play a file at the pace of real time (the screen) or as fast as it scores (plain output). */
  readonly realTime: boolean;
  /** Told what is listening once the model is loaded: the recorder or the file. */
  readonly onListening: (description: string) => void;
}

export interface TuiServices {
  readonly probeBackend: (choice: BackendChoice) => Promise<BackendReport>;
  readonly readDataDir: (
    dataDir: string,
    extraModels: readonly string[],
  ) => Promise<DataDirSummary>;
  readonly readModelRecord: (dir: string) => Promise<ModelRecord>;
  readonly startTraining: (
    spec: TrainJobSpec,
    onEvent: (event: JobProgressEvent) => void,
  ) => Promise<TrainingRun>;
  readonly watchQueue: (
    location: string,
    onSnapshot: (snapshot: QueueSnapshot) => void,
  ) => QueueWatch;
  /** Resolves when the audio ends or `hooks.signal` aborts; rejects with a reason to show. */
  readonly detect: (request: DetectionRequest, hooks: DetectionHooks) => Promise<void>;
}

export function createServices(env: TuiEnv, backend: BackendChoice, dataDir: string): TuiServices {
  // One backend per process, started once for the System screen and detection alike.
  let started: Promise<BackendReport> | undefined;
  const startBackend = () => (started ??= initBackend(backend));
  return {
    probeBackend: (choice) => {
      started = initBackend(choice);
      return started;
    },
    readDataDir,
    readModelRecord: (dir) => readModelRecord(dir),
    async startTraining(spec, onEvent) {
      const located = await locateWakeforge(env);
      if ("missing" in located) throw new Error(`cannot train: ${located.missing}`);
      return startTrainingRun({
        spec,
        dataDir,
        wakeforge: located.found,
        backend,
        env: env.raw,
        onEvent,
      });
    },
    watchQueue: (location, onSnapshot) => watchQueue(location, onSnapshot),
    async detect(request, hooks) {
      await startBackend();
      const loaded = await loadDetectorDirectory(request.model);
      const detector = { head: loaded.head(), embedder: loaded.embedder };
      if (request.source.kind === "file") {
        request.onListening(request.source.path);
        await runDetection(
          detector,
          fileSource(request.source.path, { realTime: request.realTime }),
          hooks,
        );
        return;
      }
      const recorder = await findRecorder(env.raw);
      if (!recorder) throw new Error(NO_RECORDER_MESSAGE);
      request.onListening(`the microphone, through ${recorder.name}`);
      await runDetection(detector, microphoneSource(recorder), hooks);
    },
  };
}
