import type { JobSpec } from "./job-spec.js";

export const JOB_STATES = ["queued", "running", "completed", "failed", "cancelled"] as const;
export type JobState = (typeof JOB_STATES)[number];

const NEXT_STATES: Readonly<Record<JobState, readonly JobState[]>> = {
  queued: ["running", "cancelled"],
  // Back to queued when its worker is lost (crash, lost lease) and the job is retried elsewhere.
  running: ["completed", "failed", "cancelled", "queued"],
  // A failed job may be retried; completed and cancelled ones are final (re-run = a new job).
  failed: ["queued"],
  completed: [],
  cancelled: [],
};

/** Whether a job in state `from` may move to `to`; staying in the same state is not a move. */
export function canTransition(from: JobState, to: JobState): boolean {
  return NEXT_STATES[from].includes(to);
}

/** No state follows: the job is over for good. */
export function isFinalJobState(state: JobState): boolean {
  return NEXT_STATES[state].length === 0;
}

/** A job as a queue keeps it. */
export interface JobRecord {
  readonly id: string;
  readonly spec: JobSpec;
  readonly state: JobState;
  /** Of the whole job, 0..1. */
  readonly progress: number;
  /** The worker that runs or ran it. */
  readonly worker?: string;
  /** The TensorFlow.js backend it ran on (`wasm`, `node-gpu`, …), once known. */
  readonly backend?: string;
  readonly result?: { readonly artifactsDir: string };
  readonly error?: { readonly message: string; readonly code: string };
  /** Runs started so far, counting the current one. */
  readonly attempts: number;
  /** Milliseconds since the Unix epoch. */
  readonly createdAtMs: number;
  readonly updatedAtMs: number;
}
