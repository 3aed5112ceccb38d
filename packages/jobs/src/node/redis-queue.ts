// The job queue on Redis, for workers on several machines: BullMQ does the queueing (a Queue
// adds jobs; a Worker without a processor moves each claimed job to active under a lock; its
// stall check puts jobs whose lock expired back in the queue), and a few Lua scripts of
// wakeforge's own (redis-scripts.ts) keep the fields BullMQ lacks: who runs a job, its progress
// and backend, a pending cancel, its attempts. The semantics are the SQLite adapter's.
import { randomUUID } from "node:crypto";
import { Queue, Worker, type Job } from "bullmq";
import { Redis, type RedisOptions } from "ioredis";
import { JobQueueError } from "../errors.js";
import { parseJobSpec } from "../parse-job-spec.js";
import {
  DEFAULT_RETRY_BACKOFF,
  assertTransition,
  checkClaimArguments,
  checkRetryBackoff,
  checkSubmitOptions,
  type JobQueue,
  type ListFilter,
  type RetryBackoff,
  type SubmitOptions,
} from "../queue.js";
import { createClaimedJob, type ClaimContext } from "./redis-claimed-job.js";
import { toBullId } from "./redis-job-ids.js";
import { storedData, toRecord, type RawJob, type StoredJobData } from "./redis-job-record.js";
import { defineScripts } from "./redis-scripts.js";

export interface RedisQueueOptions {
  /** The BullMQ queue's name: several wakeforge queues can share one server. Default "wakeforge". */
  readonly queueName?: string;
  /** The prefix of every key (BullMQ's `prefix`). Default "bull". */
  readonly prefix?: string;
  /** The wait before a failed job's retry. Default 5 s, doubling per attempt, at most 10 min. */
  readonly retryBackoff?: RetryBackoff;
  /**
   * How often BullMQ's stall check may run (claims and `recoverStalled` run it, at most this
   * often across all clients). A job whose lease ended goes back to the queue within about two
   * intervals. Default 5 s.
   */
  readonly stalledCheckIntervalMs?: number;
  /** How long opening waits for the server to answer. Default 10 s. */
  readonly connectTimeoutMs?: number;
  /** ioredis options (TLS, password, retryStrategy…); `maxRetriesPerRequest` is always null. */
  readonly redis?: RedisOptions;
  /** Told of connection errors while the client reconnects (by default they are ignored). */
  readonly onError?: (error: Error) => void;
}

const DEFAULT_QUEUE_NAME = "wakeforge";
const DEFAULT_STALLED_CHECK_INTERVAL_MS = 5_000;
const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
/** The lock of a worker that only runs stall checks; it never claims. */
const STALL_CHECK_LOCK_MS = 30_000;
/** The field of BullMQ's queue meta hash that numbers submissions. */
const SEQ_FIELD = "wakeforge-seq";

function invalid(message: string): JobQueueError {
  return new JobQueueError("INVALID_QUEUE_ARGUMENT", message);
}

/** The URL without its password, for messages. */
function describeUrl(url: string): string {
  return url.replace(/^(rediss?:\/\/)[^@/]*@/i, "$1");
}

/** Reconnects quickly at first, then every 2 s, for ever: workers outlive a Redis restart. */
function retryStrategy(times: number): number {
  return Math.min(times * 100, 2_000);
}

/** The promise's value, or `fallback` once `ms` have passed without one. */
async function orAfter<T, F>(promise: Promise<T>, ms: number, fallback: F): Promise<T | F> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<F>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

function oldestFirst(a: RawJob, b: RawJob): number {
  const created = (job: RawJob) => Number(job.hash.timestamp ?? 0);
  return created(a) - created(b) || storedData(a.hash).seq - storedData(b.hash).seq;
}

/**
 * Opens the queue on the Redis server at `url` (`redis://[:PASSWORD@]HOST:PORT[/DB]`, or
 * `rediss://` for TLS). Any number of processes on any machines may open it. The server should
 * keep its data across restarts (`appendonly yes`): see docs/jobs-queue.md.
 */
export async function openRedisQueue(
  url: string,
  options: RedisQueueOptions = {},
): Promise<JobQueue> {
  if (typeof url !== "string" || !/^rediss?:\/\//i.test(url)) {
    throw invalid(`${String(url)}: a Redis queue location is redis://HOST:PORT[/DB]`);
  }
  const location = describeUrl(url);
  const backoff = options.retryBackoff ?? DEFAULT_RETRY_BACKOFF;
  checkRetryBackoff(backoff);
  const stalledCheckMs = options.stalledCheckIntervalMs ?? DEFAULT_STALLED_CHECK_INTERVAL_MS;
  if (!Number.isFinite(stalledCheckMs) || stalledCheckMs < 1) {
    throw invalid(`stalledCheckIntervalMs must be at least 1 ms, got ${stalledCheckMs}`);
  }
  const stalledInterval = Math.ceil(stalledCheckMs); // Redis takes whole milliseconds
  const name = options.queueName ?? DEFAULT_QUEUE_NAME;
  const prefix = options.prefix ?? "bull";
  const onError = options.onError ?? (() => {});
  const connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;

  // One connection for everything but BullMQ's blocking reads (a worker opens its own, unused
  // here). BullMQ needs commands to wait through a reconnection rather than fail.
  const client = new Redis(url, {
    retryStrategy,
    ...options.redis,
    maxRetriesPerRequest: null,
  });
  client.on("error", onError);
  try {
    const answered = await orAfter(client.ping(), connectTimeoutMs, undefined);
    if (answered === undefined) {
      throw invalid(`${location}: no Redis server answered within ${connectTimeoutMs} ms`);
    }
  } catch (error) {
    client.disconnect();
    throw error;
  }

  const queue = new Queue(name, { connection: client, prefix });
  queue.on("error", onError);
  const key = (type: string): string => {
    const found = queue.keys[type];
    if (found === undefined) throw new Error(`BullMQ has no ${type} key`);
    return found;
  };
  const scripts = defineScripts(client, {
    prefix: queue.toKey(""),
    ...{ completed: key("completed"), failed: key("failed"), active: key("active") },
    ...{ wait: key("wait"), paused: key("paused"), delayed: key("delayed") },
    ...{ prioritized: key("prioritized"), stalled: key("stalled") },
  });
  // Job ids that would land on the queue's own keys are stored escaped (redis-job-ids.ts).
  const reserved = new Set(Object.keys(queue.keys));
  /** One BullMQ worker per lease length: it locks the jobs it takes for that long. */
  const workers = new Map<number, Worker>();
  let closed = false;

  function ensureOpen(): void {
    if (closed) throw new JobQueueError("QUEUE_CLOSED", `the job queue at ${location} is closed`);
  }

  function workerFor(lockMs: number): Worker {
    let worker = workers.get(lockMs);
    if (!worker) {
      worker = new Worker(name, null, {
        connection: client,
        prefix,
        autorun: false,
        lockDuration: lockMs,
        stalledInterval,
        // Wakeforge decides what a stalled job becomes (attempts, cancel); BullMQ requeues it.
        maxStalledCount: Number.MAX_SAFE_INTEGER,
        skipStalledCheck: true,
        skipLockRenewal: true,
      });
      worker.on("error", onError);
      workers.set(lockMs, worker);
    }
    return worker;
  }

  /** BullMQ's stall check; it runs at most once per interval, whoever asks. Returns its ids. */
  function checkStalled(): Promise<string[]> {
    const worker = workers.values().next().value ?? workerFor(STALL_CHECK_LOCK_MS);
    return worker.backend.moveStalledJobsToWait();
  }

  async function read(bullId: string): Promise<RawJob | undefined> {
    return (await scripts.read([bullId]))[0];
  }

  async function find(id: string): Promise<RawJob> {
    const raw = await read(bullIdOf(id));
    if (!raw) throw new JobQueueError("JOB_NOT_FOUND", `no job ${id} in the queue`, { jobId: id });
    return raw;
  }

  function bullIdOf(id: string): string {
    try {
      return toBullId(id, reserved);
    } catch {
      return ""; // no job has an id that cannot be stored
    }
  }

  /**
   * Ends a job a claim took but must not run (cancelled, or out of attempts after a stall): it
   * leaves BullMQ's queue for its failed set, its record as it was.
   */
  async function finishUnrunnable(worker: Worker, job: Job, token: string): Promise<void> {
    const bullId = job.id ?? "";
    const raw = await read(bullId);
    if (!raw) return;
    const record = toRecord(raw);
    const reason = record.state === "cancelled" ? "cancelled" : "no attempts left";
    try {
      await worker.backend.moveToFailed(job, reason, false, token, false, {
        wfToken: "",
        wfUpdated: String(record.updatedAtMs),
        wfNotBefore: String(record.notBeforeMs),
        ...(record.error ? { wfError: JSON.stringify(record.error) } : {}),
        failedReason: reason,
      });
    } catch (error) {
      // A reply lost to a reconnection: the move happened if BullMQ finished the job.
      if ((await read(bullId))?.hash.finishedOn === undefined) throw error;
    }
  }

  const context: ClaimContext = { scripts, backoff, read, ensureOpen };

  return {
    async submit(spec, submitOptions: SubmitOptions = {}) {
      const parsed = parseJobSpec(spec);
      const maxAttempts = checkSubmitOptions(submitOptions);
      const id = submitOptions.id ?? randomUUID();
      const bullId = toBullId(id, reserved);
      ensureOpen();
      const seq = await client.hincrby(key("meta"), SEQ_FIELD, 1);
      const data: StoredJobData = { spec: parsed, seq };
      // BullMQ keeps an existing job with the same id and says nothing: the number tells.
      await queue.add(parsed.kind, data, {
        jobId: bullId,
        attempts: maxAttempts,
        removeOnComplete: false,
        removeOnFail: false,
      });
      const raw = await read(bullId);
      if (!raw || storedData(raw.hash).seq !== seq) {
        throw new JobQueueError("DUPLICATE_JOB_ID", `the queue already has a job ${id}`, {
          jobId: id,
        });
      }
      return toRecord(raw);
    },

    async get(id) {
      ensureOpen();
      const raw = await read(bullIdOf(id));
      return raw && toRecord(raw);
    },

    async list(filter: ListFilter = {}) {
      ensureOpen();
      const states = filter.states && new Set(filter.states);
      return (await scripts.read("all"))
        .sort(oldestFirst)
        .map(toRecord)
        .filter((job) => !states || states.has(job.state));
    },

    async cancel(id) {
      ensureOpen();
      const outcome = await scripts.cancel(bullIdOf(id), Date.now());
      if (outcome.kind === "missing") {
        throw new JobQueueError("JOB_NOT_FOUND", `no job ${id} in the queue`, { jobId: id });
      }
      if (outcome.kind === "illegal") assertTransition(id, outcome.state, "cancelled");
      return toRecord(await find(id));
    },

    async claim(workerId, claimOptions) {
      checkClaimArguments(workerId, claimOptions);
      ensureOpen();
      // Redis takes whole milliseconds.
      const leaseMs = Math.ceil(claimOptions.leaseMs);
      await checkStalled();
      const worker = workerFor(leaseMs);
      for (;;) {
        const token = randomUUID();
        const job = await worker.getNextJob(token, { block: false });
        if (!job?.id) return undefined;
        const outcome = await scripts.startRun(job.id, token, {
          workerId,
          leaseMs,
          nowMs: Date.now(),
          ...(claimOptions.backend !== undefined ? { backend: claimOptions.backend } : {}),
        });
        if (outcome.kind === "run") {
          const raw = await read(job.id);
          if (!raw) throw new Error(`job ${job.id} vanished while it was claimed`);
          const record = toRecord(raw);
          return createClaimedJob(context, {
            ...{ job, token, runAts: outcome.runAts, workerId, leaseMs, record },
            backend: worker.backend,
          });
        }
        // A lost lock leaves the job to the stall check; the others end here. Take the next.
        if (outcome.kind !== "lost") await finishUnrunnable(worker, job, token);
      }
    },

    async recoverStalled() {
      // Redis's clock decides when a lease ends (the lock expires): there is no "as of" time.
      ensureOpen();
      const ids = await checkStalled();
      return (await scripts.read(ids)).sort(oldestFirst).map(toRecord);
    },

    async close() {
      if (closed) return;
      closed = true;
      for (const worker of workers.values()) await worker.close();
      await queue.close();
      // QUIT waits for the server; a server that is down gets no goodbye.
      await orAfter(client.quit(), 1_000, undefined).catch(() => undefined);
      client.disconnect();
    },
  } satisfies JobQueue;
}
