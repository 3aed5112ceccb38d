// What the jobs API sends, as plain JSON values. Pages import these types, so this file imports
// types only.
import type { JobKind, JobStage, JobState, LogLevel, TrainingRun } from "@wakeforge/jobs";
import type { TrainedModel, WorkerTraining } from "../store/types";

/** One finished epoch of a training run, as the job's log reported it. */
export interface JobEpoch {
  readonly run: TrainingRun;
  readonly epoch: number;
  readonly loss: number;
  readonly accuracy: number;
  readonly recallAtFar: number | null;
  readonly valLoss: number | null;
}

/** One line of a job's log, for people. */
export interface JobLogLine {
  readonly timeMs: number;
  readonly level: LogLevel;
  readonly text: string;
}

/** A job as the Jobs page and the Train tab show it. */
export interface JobView {
  readonly id: string;
  readonly kind: JobKind;
  readonly state: JobState;
  /** `describeJob`: what the job does, in a few words. */
  readonly summary: string;
  /** The project it was queued for by this dashboard; null for jobs from elsewhere. */
  readonly project: { readonly id: string; readonly name: string } | null;
  readonly worker: string | null;
  readonly backend: string | null;
  /** Of the whole job, 0…1: the best of the queue's heartbeat and the log's latest report. */
  readonly progress: number;
  /** Estimated seconds left while running; null while there is too little to judge. */
  readonly etaSeconds: number | null;
  /** The stage the log reported last (synthesizing, training, …). */
  readonly stage: JobStage | null;
  readonly attempts: number;
  readonly maxAttempts: number;
  readonly cancelRequested: boolean;
  readonly error: { readonly code: string; readonly message: string } | null;
  readonly createdAt: string;
  /** When the current (or last) run started, from its log; null when the log is not here. */
  readonly startedAt: string | null;
  /** When it reached a final state. */
  readonly finishedAt: string | null;
  readonly updatedAt: string;
}

/** A worker seen in the queue's job records. */
export interface WorkerView {
  readonly id: string;
  readonly backend: string | null;
  /** The job it runs now, if any. */
  readonly runningJobId: string | null;
  readonly jobsRun: number;
  /** Its latest heartbeat or change of a job, as far as the records tell. */
  readonly lastSeenAt: string;
  /** This dashboard's own worker process. */
  readonly embedded: boolean;
}

export type EmbeddedWorkerState = "off" | "starting" | "running" | "restarting" | "unavailable";

/** The `wakeforge serve` child this server supervises on the embedded (SQLite) queue. */
export interface EmbeddedWorkerStatus {
  readonly state: EmbeddedWorkerState;
  readonly workerId: string;
  readonly pid: number | null;
  readonly since: string | null;
  readonly restarts: number;
  /** Why it is unavailable or last exited, for people. */
  readonly problem: string | null;
  /** What it last printed. */
  readonly output: readonly string[];
}

export interface QueueView {
  readonly kind: "sqlite" | "redis";
  /** The queue's location as it may be shown (a Redis URL without its password). */
  readonly location: string;
  /** Null on Redis: workers there are started apart from the dashboard. */
  readonly embeddedWorker: EmbeddedWorkerStatus | null;
}

export interface JobsOverview {
  readonly queue: QueueView;
  /** Newest first. */
  readonly jobs: readonly JobView[];
  readonly workers: readonly WorkerView[];
}

/** What a job's log says, for the log view and the live curves. */
export interface JobLogView {
  /** False when the log is not on this machine (a worker elsewhere ran the job). */
  readonly available: boolean;
  readonly path: string;
  readonly lines: readonly JobLogLine[];
  readonly epochs: readonly JobEpoch[];
}

/** A training on a worker, as the Train tab follows it. */
export interface WorkerTrainingView {
  readonly training: WorkerTraining;
  /** Null when the queue no longer has the job. */
  readonly job: JobView | null;
  readonly log: JobLogView;
  /** The model the job was stored as, once it is. */
  readonly model: TrainedModel | null;
}
