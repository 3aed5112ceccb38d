// A running job's progress, in the progress-event protocol of @wakeforge/jobs: stages, the
// fraction done, epochs, log lines, artefacts, errors. Events go to the job log; the fraction
// also goes to the queue with each heartbeat, so `wakeforge jobs` shows it.
import type { EpochMetrics, JobProgressEvent, JobStage, LogLevel } from "@wakeforge/jobs";
import type { TrainingEpoch, TrainingProgress } from "../train/training-progress.js";

/** Fraction events reach the log at most this often, unless the job moved on by a lot. */
const PROGRESS_INTERVAL_MS = 1_000;
const PROGRESS_STEP = 0.05;

/** An event without the fields the reporter adds (jobId, timeMs). */
type EventBody = JobProgressEvent extends infer E
  ? E extends JobProgressEvent
    ? Omit<E, "jobId" | "timeMs">
    : never
  : never;

export interface JobReporter {
  /** Of the whole job, 0..1: the last fraction reported. */
  readonly fraction: number;
  stage(stage: JobStage): void;
  progress(fraction: number): void;
  log(message: string, level?: LogLevel): void;
  epoch(epoch: TrainingEpoch): void;
  artifacts(paths: Readonly<Record<string, string>>): void;
  error(message: string, code: string): void;
}

export function createJobReporter(
  jobId: string,
  write: (event: JobProgressEvent) => void,
  now: () => number = Date.now,
): JobReporter {
  let fraction = 0;
  let lastStage: JobStage | undefined;
  let lastWritten = { atMs: -Infinity, fraction: -1 };
  const emit = (body: EventBody) => write({ ...body, jobId, timeMs: now() } as JobProgressEvent);

  return {
    get fraction() {
      return fraction;
    },
    stage(stage) {
      if (stage === lastStage) return;
      lastStage = stage;
      emit({ type: "stage", stage });
    },
    progress(value) {
      // Never backwards: the queue shows progress, and a step that restarts its own count
      // (a second training run) should not make the job look as if it lost ground.
      fraction = Math.min(1, Math.max(fraction, Number.isFinite(value) ? value : 0));
      const atMs = now();
      const due =
        atMs - lastWritten.atMs >= PROGRESS_INTERVAL_MS ||
        fraction - lastWritten.fraction >= PROGRESS_STEP ||
        fraction === 1;
      if (!due || fraction === lastWritten.fraction) return;
      lastWritten = { atMs, fraction };
      emit({ type: "progress", fraction });
    },
    log(message, level = "info") {
      emit({ type: "log", level, message });
    },
    epoch({ run, epoch, metrics }) {
      emit({ type: "epoch", run, epoch, metrics: epochMetrics(metrics) });
    },
    artifacts(paths) {
      emit({ type: "artifacts", paths: { ...paths } });
    },
    error(message, code) {
      emit({ type: "error", message, code });
    },
  };
}

/** The protocol's metrics (a subset of what core measures per epoch). */
function epochMetrics(metrics: TrainingEpoch["metrics"]): EpochMetrics {
  return {
    loss: metrics.loss,
    accuracy: metrics.accuracy,
    recallAtFar: metrics.recallAtFar,
    valLoss: metrics.valLoss,
  };
}

/** Training progress of a job: what `wakeforge train` would draw, as events. */
export function jobTrainingProgress(reporter: JobReporter): TrainingProgress {
  return {
    stage: (stage) => reporter.stage(stage),
    update: (_step, fraction) => reporter.progress(fraction),
    log: (line, level) => reporter.log(line, level),
    epoch: (epoch) => reporter.epoch(epoch),
    done() {},
  };
}
