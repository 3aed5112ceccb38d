// The job queue every adapter implements: the embedded SQLite one (`@wakeforge/jobs/node`) and
// BullMQ on Redis. Types and small pure helpers only: nothing here touches Node built-ins, so
// frontends can import it.
import { JobQueueError } from "./errors.js";
import type { JobSpecInput } from "./job-spec.js";
import { canTransition, type JobRecord, type JobState } from "./job-state.js";

/** Runs a job may start before it is failed for good, unless `submit` says otherwise. */
export const DEFAULT_MAX_ATTEMPTS = 3;

/** How long a failed run waits before its retry: `baseMs` doubled per attempt, at most `maxMs`. */
export interface RetryBackoff {
  readonly baseMs: number;
  readonly maxMs: number;
}

export const DEFAULT_RETRY_BACKOFF: RetryBackoff = { baseMs: 5_000, maxMs: 10 * 60_000 };

/** A job as a queue keeps it: the record plus the queue's own bookkeeping. */
export interface QueuedJobRecord extends JobRecord {
  /** Runs the job may start in all; a failure on the last one fails the job for good. */
  readonly maxAttempts: number;
  /** No worker takes the job before this time (ms since the epoch): the backoff of a retry. */
  readonly notBeforeMs: number;
  /** While running: when the worker's lease ends unless it sends a heartbeat. */
  readonly leaseUntilMs?: number;
  /** Someone asked to cancel the job while it ran; its worker learns it on its next heartbeat. */
  readonly cancelRequested: boolean;
}

export interface SubmitOptions {
  /** Runs the job may start in all, at least 1. Default `DEFAULT_MAX_ATTEMPTS` (3). */
  readonly maxAttempts?: number;
  /** The job's id; a random UUID when left out. An id already in the queue is an error. */
  readonly id?: string;
}

export interface ListFilter {
  /** Only jobs in one of these states; all jobs when left out. */
  readonly states?: readonly JobState[];
}

export interface ClaimOptions {
  /**
   * How long the claim lasts without a heartbeat. A worker that stops sending heartbeats for
   * longer (it crashed, it hangs, its machine went away) loses the job to another worker.
   */
  readonly leaseMs: number;
  /** The TensorFlow.js backend the worker runs jobs on, recorded with the job. */
  readonly backend?: string;
}

export interface HeartbeatResult {
  /** The job was cancelled while it ran: stop, then call `acknowledgeCancel()`. */
  readonly cancelRequested: boolean;
}

export interface JobFailure {
  readonly message: string;
  readonly code: string;
}

export interface FailOptions {
  /**
   * Run the job again after a backoff if attempts are left (default true). False fails it for
   * good at once: for errors that another run cannot fix, such as missing input files.
   */
  readonly retry?: boolean;
}

/**
 * A job a worker holds under a lease. Every method checks the lease first and throws
 * `LeaseLostError` when the job was taken back (the lease expired and the job was requeued).
 */
export interface ClaimedJob {
  /** The job as it was claimed: state running, attempts counting this run. */
  readonly record: QueuedJobRecord;
  /** Extends the lease by `leaseMs` from now and stores `progress` (0..1) when given. */
  heartbeat(progress?: number): Promise<HeartbeatResult>;
  /** The job is done; its artefacts are in `artifactsDir`. */
  complete(result: { readonly artifactsDir: string }): Promise<QueuedJobRecord>;
  /** The run failed: queued again after a backoff while attempts are left, else failed. */
  fail(error: JobFailure, options?: FailOptions): Promise<QueuedJobRecord>;
  /**
   * Hands the job back to the queue without counting this run as an attempt: for a worker that
   * shuts down (SIGTERM) mid-job. A job cancelled meanwhile ends cancelled instead.
   */
  release(): Promise<QueuedJobRecord>;
  /** The worker stopped because a heartbeat reported `cancelRequested`: the job ends cancelled. */
  acknowledgeCancel(): Promise<QueuedJobRecord>;
}

export interface JobQueue {
  /**
   * Validates `spec` with `parseJobSpec` (throwing `JobSpecError` with the reasons when it is
   * malformed, storing nothing) and queues it with its defaults applied. Returns the record.
   */
  submit(spec: JobSpecInput, options?: SubmitOptions): Promise<QueuedJobRecord>;
  /** The job with this id, or undefined when the queue has none. */
  get(id: string): Promise<QueuedJobRecord | undefined>;
  /** Jobs oldest first, optionally only those in some states. */
  list(filter?: ListFilter): Promise<QueuedJobRecord[]>;
  /**
   * A queued job is cancelled at once; a running one is flagged, and its worker sees
   * `cancelRequested` on its next heartbeat. A job in a final state (or failed) cannot be
   * cancelled: `JobQueueError` naming its state.
   */
  cancel(id: string): Promise<QueuedJobRecord>;
  /**
   * Atomically takes the oldest queued job whose backoff has passed and marks it running under a
   * lease for `workerId`; undefined when none is ready. Recovers stalled jobs first.
   */
  claim(workerId: string, options: ClaimOptions): Promise<ClaimedJob | undefined>;
  /**
   * Running jobs whose lease ended before `nowMs` (default now) go back to the queue, or fail
   * for good when out of attempts (or end cancelled when a cancel was asked for). Returns them.
   */
  recoverStalled(nowMs?: number): Promise<QueuedJobRecord[]>;
  /** Releases the queue's resources; the queue cannot be used afterwards. */
  close(): Promise<void>;
}

/** The wait before the run after failed attempt `attempt` (1-based). */
export function retryDelayMs(attempt: number, backoff: RetryBackoff = DEFAULT_RETRY_BACKOFF) {
  const doublings = Math.max(0, attempt - 1);
  // 2 ** 60 and beyond would only overflow towards Infinity; the cap applies long before.
  return Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.min(doublings, 60));
}

/** Throws `JobQueueError` ILLEGAL_TRANSITION unless the state machine allows `from` → `to`. */
export function assertTransition(jobId: string, from: JobState, to: JobState): void {
  if (canTransition(from, to)) return;
  throw new JobQueueError(
    "ILLEGAL_TRANSITION",
    `job ${jobId} is ${from}; a ${from} job cannot become ${to}`,
    { jobId },
  );
}

function invalid(message: string): JobQueueError {
  return new JobQueueError("INVALID_QUEUE_ARGUMENT", message);
}

/** Checks submit options; returns the max attempts to use. */
export function checkSubmitOptions(options: SubmitOptions): number {
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw invalid(`maxAttempts must be an integer of at least 1, got ${maxAttempts}`);
  }
  if (options.id !== undefined && (typeof options.id !== "string" || options.id.trim() === "")) {
    throw invalid("id must be a non-empty string");
  }
  return maxAttempts;
}

export function checkClaimArguments(workerId: string, options: ClaimOptions): void {
  if (typeof workerId !== "string" || workerId.trim() === "") {
    throw invalid("workerId must be a non-empty string");
  }
  if (!Number.isFinite(options.leaseMs) || options.leaseMs <= 0) {
    throw invalid(`leaseMs must be a positive number of milliseconds, got ${options.leaseMs}`);
  }
}

export function checkProgress(progress: number): void {
  if (!Number.isFinite(progress) || progress < 0 || progress > 1) {
    throw invalid(`progress must be a number between 0 and 1, got ${progress}`);
  }
}

export function checkRetryBackoff(backoff: RetryBackoff): void {
  const ok = (ms: number) => Number.isFinite(ms) && ms >= 0;
  if (!ok(backoff.baseMs) || !ok(backoff.maxMs)) {
    throw invalid(
      `retry backoff must be non-negative milliseconds, got ${backoff.baseMs} and ${backoff.maxMs}`,
    );
  }
}
