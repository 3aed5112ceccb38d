// A wakeforge job as the Redis adapter stores it: a BullMQ job (its hash holds the spec, the
// creation time, the attempts allowed, the result) plus a few fields of wakeforge's own in the
// same hash, all written by the adapter's Lua scripts or atomically with BullMQ's moves:
//
//   wfRun       BullMQ's start counter (`ats`) of the run in progress; emptied when the worker
//               hands the job back to the queue. Set while the job waits again: the run stalled.
//   wfToken     the lock token of the claim that runs (or last ran) the job
//   wfEnded     the lock token of the claim that last handed the job back (to retry a reply lost
//               while Redis restarted: the move did happen)
//   wfAttempts  runs started, without the released ones
//   wfCancel    "1" once someone asked to cancel the job
//   wfWorker, wfBackend, wfLease (lease end, ms), wfNotBefore, wfError (JSON), wfUpdated (ms)
//
// The wakeforge state is derived from where BullMQ keeps the job and these fields, in Lua (see
// redis-scripts.ts) so that reads and writes agree on it.
import type { JobSpec } from "../job-spec.js";
import { JOB_STATES, type JobState } from "../job-state.js";
import type { JobFailure, QueuedJobRecord } from "../queue.js";
import { fromBullId } from "./redis-job-ids.js";

/** A job as the read script returns it: its BullMQ id, its derived state and its hash. */
export interface RawJob {
  readonly bullId: string;
  readonly state: JobState;
  /** The last run ended without its worker handing the job back, and the job waits again. */
  readonly stalled: boolean;
  readonly hash: Readonly<Record<string, string>>;
}

/** The job data the adapter gives BullMQ: the validated spec and the submission's number. */
export interface StoredJobData {
  readonly spec: JobSpec;
  /** Per queue, increasing: orders jobs submitted in the same millisecond, marks a submission. */
  readonly seq: number;
}

export const LEASE_EXPIRED_TEXT = "stopped renewing its lease (it crashed, hung or was killed)";

/** The error a run gets when its worker stopped renewing the lease; as the SQLite adapter says. */
export function leaseExpired(worker: string | undefined): JobFailure {
  return { code: "LEASE_EXPIRED", message: `worker ${worker || "?"} ${LEASE_EXPIRED_TEXT}` };
}

export function isJobState(value: unknown): value is JobState {
  return (JOB_STATES as readonly unknown[]).includes(value);
}

function numberField(hash: RawJob["hash"], field: string): number | undefined {
  const text = hash[field];
  if (text === undefined || text === "") return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

function textField(hash: RawJob["hash"], field: string): string | undefined {
  const text = hash[field];
  return text === undefined || text === "" ? undefined : text;
}

function jsonField<T>(hash: RawJob["hash"], field: string): T | undefined {
  const text = textField(hash, field);
  return text === undefined ? undefined : (JSON.parse(text) as T);
}

export function storedData(hash: RawJob["hash"]): StoredJobData {
  return JSON.parse(hash.data ?? "{}") as StoredJobData;
}

/** The record of a job, shaped as the SQLite adapter shapes it. */
export function toRecord(job: RawJob): QueuedJobRecord {
  const { hash, state } = job;
  const createdAtMs = numberField(hash, "timestamp") ?? 0;
  const worker = textField(hash, "wfWorker");
  const backend = textField(hash, "wfBackend");
  // A stalled run whose job waits again: what the recovery would have recorded on SQLite.
  const recovered = job.stalled && (state === "queued" || state === "failed");
  const leaseUntilMs = numberField(hash, "wfLease");
  const updatedAtMs = numberField(hash, "wfUpdated") ?? createdAtMs;

  let progress = numberField(hash, "progress") ?? 0;
  if (state === "queued") progress = 0;
  if (state === "completed") progress = 1;
  const result =
    state === "completed" ? jsonField<{ artifactsDir: string }>(hash, "returnvalue") : undefined;
  const error =
    state === "completed"
      ? undefined
      : recovered
        ? leaseExpired(worker)
        : jsonField<JobFailure>(hash, "wfError");

  return {
    id: fromBullId(job.bullId),
    spec: storedData(hash).spec,
    state,
    progress,
    ...(worker !== undefined ? { worker } : {}),
    ...(backend !== undefined ? { backend } : {}),
    ...(result !== undefined ? { result } : {}),
    ...(error !== undefined ? { error } : {}),
    attempts: numberField(hash, "wfAttempts") ?? 0,
    maxAttempts: jsonField<{ attempts?: number }>(hash, "opts")?.attempts ?? 1,
    // Recovered without a write of its own: claimable from the moment its lease ended.
    notBeforeMs:
      (recovered ? leaseUntilMs : undefined) ?? numberField(hash, "wfNotBefore") ?? createdAtMs,
    ...(state === "running" && leaseUntilMs !== undefined ? { leaseUntilMs } : {}),
    cancelRequested: hash.wfCancel === "1",
    createdAtMs,
    updatedAtMs:
      state === "completed"
        ? (numberField(hash, "finishedOn") ?? updatedAtMs)
        : recovered
          ? Math.max(updatedAtMs, leaseUntilMs ?? 0)
          : updatedAtMs,
  };
}
