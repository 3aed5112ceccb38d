// A job a worker holds on the Redis queue. The lease is BullMQ's job lock (a key that expires
// unless renewed); every call first checks and renews it in one Lua step, then ends the run
// with one of BullMQ's own moves, which check the lock again and write wakeforge's fields in
// the same step.
import type { Job, RedisQueueBackend } from "bullmq";
import { JobQueueError, LeaseLostError } from "../errors.js";
import {
  checkProgress,
  retryDelayMs,
  type ClaimedJob,
  type JobFailure,
  type QueuedJobRecord,
  type RetryBackoff,
} from "../queue.js";
import { toRecord, type RawJob } from "./redis-job-record.js";
import type { HoldResult, RedisScripts } from "./redis-scripts.js";

/** What a claimed job needs from its queue. */
export interface ClaimContext {
  readonly scripts: RedisScripts;
  readonly backoff: RetryBackoff;
  /** The job as stored now, or undefined when it is gone. */
  read(bullId: string): Promise<RawJob | undefined>;
  ensureOpen(): void;
}

export interface Claim {
  readonly job: Job;
  /** The BullMQ backend of the worker that took the job: its moves end the run. */
  readonly backend: RedisQueueBackend;
  readonly token: string;
  /** BullMQ's start counter of this run: the claim's identity in the job's fields. */
  readonly runAts: string;
  readonly workerId: string;
  readonly leaseMs: number;
  readonly record: QueuedJobRecord;
}

/** The job fields written when a run ends: strings, as BullMQ stores them. */
type Fields = Record<string, string>;

export function createClaimedJob(context: ClaimContext, claim: Claim): ClaimedJob {
  const { job, token, workerId, leaseMs, backend } = claim;
  const bullId = job.id ?? "";
  const id = claim.record.id;

  /** Why this claim cannot act on the job any more: it ended the run itself, or lost it. */
  async function notHeld(action: string): Promise<JobQueueError> {
    const current = await context.read(bullId);
    if (!current) {
      return new JobQueueError("JOB_NOT_FOUND", `no job ${id} in the queue`, { jobId: id });
    }
    const record = toRecord(current);
    const endedByThisClaim =
      current.hash.wfToken === token &&
      !current.stalled &&
      ["completed", "failed", "cancelled"].includes(record.state);
    if (endedByThisClaim) {
      return new JobQueueError(
        "JOB_NOT_RUNNING",
        `cannot ${action} job ${id}: it is ${record.state}, no longer running`,
        { jobId: id },
      );
    }
    const taker =
      record.state === "running" && record.worker !== undefined
        ? `; worker ${record.worker} runs it now`
        : `; it is ${record.state} now`;
    return new LeaseLostError(
      id,
      `worker ${workerId} no longer holds job ${id} (its lease ran out, or it released the job)${taker}`,
    );
  }

  async function hold(action: string, heartbeat = false, progress?: number): Promise<HoldResult> {
    context.ensureOpen();
    const held = await context.scripts.hold({
      ...{ bullId, token, runAts: claim.runAts, leaseMs, nowMs: Date.now(), heartbeat },
      ...(progress !== undefined ? { progress } : {}),
    });
    if (!held) throw await notHeld(action);
    return held;
  }

  async function current(): Promise<QueuedJobRecord> {
    const raw = await context.read(bullId);
    if (!raw) throw new JobQueueError("JOB_NOT_FOUND", `no job ${id} in the queue`, { jobId: id });
    return toRecord(raw);
  }

  /**
   * Runs one of BullMQ's moves out of active. A move whose reply was lost to a reconnection is
   * sent again by ioredis and then finds the lock gone: the job's fields tell whether this
   * claim's move happened.
   */
  async function move(action: string, run: () => Promise<unknown>): Promise<QueuedJobRecord> {
    try {
      await run();
    } catch (error) {
      const raw = await context.read(bullId);
      const happened =
        raw !== undefined &&
        (action === "complete"
          ? raw.state === "completed" && raw.hash.wfToken === token
          : raw.hash.wfEnded === token);
      if (!happened) {
        // Still this claim's run: the move failed for another reason than the lease.
        if (raw?.state === "running" && raw.hash.wfToken === token) throw error;
        throw await notHeld(action);
      }
    }
    return current();
  }

  /** Ends the run in BullMQ's failed set: failed, or cancelled when `wfCancel` is set. */
  function moveToFailed(action: string, reason: string, fields: Fields) {
    return move(action, () =>
      backend.moveToFailed(job, reason, false, token, false, {
        ...fields,
        wfEnded: token,
        failedReason: reason,
      }),
    );
  }

  return {
    record: claim.record,

    async heartbeat(progress) {
      if (progress !== undefined) checkProgress(progress);
      const held = await hold("send a heartbeat for", true, progress);
      return { cancelRequested: held.cancelRequested };
    },

    async complete(result) {
      await hold("complete");
      const artifactsDir = result.artifactsDir;
      return move("complete", () =>
        backend.moveToCompleted(job, { artifactsDir }, false, token, false),
      );
    },

    async fail(failure: JobFailure, options = {}) {
      const held = await hold("fail");
      const nowMs = Date.now();
      const error = JSON.stringify({ message: failure.message, code: failure.code });
      const ended = { wfError: error, wfUpdated: String(nowMs) };
      const retry = options.retry ?? true;
      if (!held.cancelRequested && retry && held.attempts < claim.record.maxAttempts) {
        const delayMs = retryDelayMs(held.attempts, context.backoff);
        return move("fail", () =>
          backend.moveToDelayed(bullId, nowMs, delayMs, token, {
            fieldsToUpdate: {
              ...ended,
              ...requeued(token),
              wfNotBefore: String(nowMs + delayMs),
              failedReason: failure.message,
            },
          }),
        );
      }
      // Failed for good, or cancelled when a cancel is pending (wfCancel decides).
      return moveToFailed("fail", failure.message, ended);
    },

    async release() {
      const held = await hold("release");
      const nowMs = Date.now();
      if (held.cancelRequested) {
        return moveToFailed("release", "cancelled", { wfUpdated: String(nowMs) });
      }
      // To the front of the queue (BullMQ's LIFO push), and the run does not count.
      return move("release", () =>
        backend.retryJob(bullId, true, token, {
          fieldsToUpdate: {
            ...requeued(token),
            wfAttempts: String(held.attempts - 1),
            wfUpdated: String(nowMs),
          },
        }),
      );
    },

    async acknowledgeCancel() {
      const held = await hold("acknowledge the cancel of");
      if (!held.cancelRequested) {
        throw new JobQueueError(
          "CANCEL_NOT_REQUESTED",
          `job ${id} was not cancelled; use fail() or release() to stop it`,
          { jobId: id },
        );
      }
      return moveToFailed("acknowledge the cancel of", "cancelled", {
        wfUpdated: String(Date.now()),
      });
    },
  };
}

/** The fields of a job going back to the queue: no run in progress, nothing done yet. */
function requeued(token: string): Fields {
  return { wfRun: "", wfToken: "", wfEnded: token, wfLease: "", progress: "0" };
}
