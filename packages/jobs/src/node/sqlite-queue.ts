// The embedded job queue: one SQLite file that any number of worker processes on one machine
// open at once. Every change is one short `BEGIN IMMEDIATE` transaction (WAL mode, so readers
// never wait), which makes claiming atomic: two workers never run the same job at the same time.
// A worker holds a job under a lease it renews with heartbeats; a worker that dies (SIGKILL,
// power cut) stops renewing, and the next claim by anyone hands the job to another worker.
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { JobQueueError, LeaseLostError } from "../errors.js";
import type { JobSpec } from "../job-spec.js";
import { JOB_STATES, type JobState } from "../job-state.js";
import { parseJobSpec } from "../parse-job-spec.js";
import {
  DEFAULT_RETRY_BACKOFF,
  assertTransition,
  checkClaimArguments,
  checkProgress,
  checkRetryBackoff,
  checkSubmitOptions,
  retryDelayMs,
  type ClaimOptions,
  type ClaimedJob,
  type JobFailure,
  type JobQueue,
  type ListFilter,
  type QueuedJobRecord,
  type RetryBackoff,
  type SubmitOptions,
} from "../queue.js";

export interface SqliteQueueOptions {
  /** The wait before a failed job's retry. Default 5 s, doubling per attempt, at most 10 min. */
  readonly retryBackoff?: RetryBackoff;
  /** How long an operation waits for another process's write to finish. Default 10 s. */
  readonly busyTimeoutMs?: number;
  /** The clock, in ms since the epoch (tests move it by hand). Default `Date.now`. */
  readonly now?: () => number;
}

/** Bumped when the table changes shape; an older wakeforge refuses a newer file. */
const SCHEMA_VERSION = 1;
const DEFAULT_BUSY_TIMEOUT_MS = 10_000;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS jobs (
  id TEXT PRIMARY KEY,
  spec TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN (${JOB_STATES.map((s) => `'${s}'`).join(", ")})),
  progress REAL NOT NULL DEFAULT 0,
  worker TEXT,
  backend TEXT,
  result TEXT,
  error TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  max_attempts INTEGER NOT NULL,
  not_before_ms INTEGER NOT NULL,
  lease_until_ms INTEGER,
  lease_token TEXT,
  cancel_requested INTEGER NOT NULL DEFAULT 0,
  created_at_ms INTEGER NOT NULL,
  updated_at_ms INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS jobs_by_state ON jobs (state, not_before_ms, created_at_ms);
`;

/** A row as stored; JSON columns are text. */
interface JobRow {
  id: string;
  spec: string;
  state: JobState;
  progress: number;
  worker: string | null;
  backend: string | null;
  result: string | null;
  error: string | null;
  attempts: number;
  max_attempts: number;
  not_before_ms: number;
  lease_until_ms: number | null;
  /** Which claim holds the job: a fresh UUID per claim, cleared when the job is taken back. */
  lease_token: string | null;
  cancel_requested: number;
  created_at_ms: number;
  updated_at_ms: number;
}

function toRecord(row: JobRow): QueuedJobRecord {
  return {
    id: row.id,
    spec: JSON.parse(row.spec) as JobSpec,
    state: row.state,
    progress: row.progress,
    ...(row.worker !== null ? { worker: row.worker } : {}),
    ...(row.backend !== null ? { backend: row.backend } : {}),
    ...(row.result !== null ? { result: JSON.parse(row.result) as { artifactsDir: string } } : {}),
    ...(row.error !== null ? { error: JSON.parse(row.error) as JobFailure } : {}),
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    notBeforeMs: row.not_before_ms,
    ...(row.lease_until_ms !== null ? { leaseUntilMs: row.lease_until_ms } : {}),
    cancelRequested: row.cancel_requested !== 0,
    createdAtMs: row.created_at_ms,
    updatedAtMs: row.updated_at_ms,
  };
}

/** What a job goes back to the queue with: no lease, no holder, nothing done yet. */
const REQUEUED = { lease_until_ms: null, lease_token: null, progress: 0 } as const;

function isSqliteError(error: unknown, code: string): boolean {
  return error instanceof Error && (error as { code?: unknown }).code === code;
}

/**
 * Opens (creating it and its folder when needed) the queue stored in the SQLite file at `path`.
 * Several processes may open the same file: the file is the queue.
 */
export function openSqliteQueue(path: string, options: SqliteQueueOptions = {}): JobQueue {
  const backoff = options.retryBackoff ?? DEFAULT_RETRY_BACKOFF;
  checkRetryBackoff(backoff);
  const now = options.now ?? Date.now;
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;

  if (path !== ":memory:" && !path.startsWith("file:")) {
    mkdirSync(dirname(path), { recursive: true });
  }
  const db = new Database(path, { timeout: busyTimeoutMs });
  try {
    db.pragma(`busy_timeout = ${Math.max(0, Math.round(busyTimeoutMs))}`);
    db.pragma("journal_mode = WAL");
    // In WAL mode NORMAL loses no committed transaction when a process dies, only on power loss.
    db.pragma("synchronous = NORMAL");
    db.transaction(() => {
      const version = db.pragma("user_version", { simple: true }) as number;
      if (version > SCHEMA_VERSION) {
        throw new JobQueueError(
          "INVALID_QUEUE_ARGUMENT",
          `${path} holds a job queue of schema version ${version}; this wakeforge reads up to ${SCHEMA_VERSION}`,
        );
      }
      db.exec(SCHEMA);
      if (version < SCHEMA_VERSION) db.pragma(`user_version = ${SCHEMA_VERSION}`);
    }).immediate();
  } catch (error) {
    db.close();
    throw error;
  }

  const selectById = db.prepare<[string], JobRow>("SELECT * FROM jobs WHERE id = ?");
  const selectAll = db.prepare<[], JobRow>("SELECT * FROM jobs ORDER BY created_at_ms, rowid");
  const selectNextRunnable = db.prepare<[number], JobRow>(
    `SELECT * FROM jobs WHERE state = 'queued' AND not_before_ms <= ?
     ORDER BY created_at_ms, rowid LIMIT 1`,
  );
  const selectExpired = db.prepare<[number], JobRow>(
    "SELECT * FROM jobs WHERE state = 'running' AND lease_until_ms < ? ORDER BY created_at_ms",
  );
  const insert = db.prepare<[JobRow], JobRow>(
    `INSERT INTO jobs (id, spec, state, progress, worker, backend, result, error, attempts,
       max_attempts, not_before_ms, lease_until_ms, lease_token, cancel_requested,
       created_at_ms, updated_at_ms)
     VALUES (@id, @spec, @state, @progress, @worker, @backend, @result, @error, @attempts,
       @max_attempts, @not_before_ms, @lease_until_ms, @lease_token, @cancel_requested,
       @created_at_ms, @updated_at_ms)
     RETURNING *`,
  );
  const update = db.prepare<[JobRow], JobRow>(
    `UPDATE jobs SET state = @state, progress = @progress, worker = @worker, backend = @backend,
       result = @result, error = @error, attempts = @attempts, not_before_ms = @not_before_ms,
       lease_until_ms = @lease_until_ms, lease_token = @lease_token,
       cancel_requested = @cancel_requested, updated_at_ms = @updated_at_ms
     WHERE id = @id
     RETURNING *`,
  );

  let closed = false;

  function ensureOpen(): void {
    if (closed) throw new JobQueueError("QUEUE_CLOSED", `the job queue at ${path} is closed`);
  }

  /** Runs `body` in a BEGIN IMMEDIATE transaction: it sees and writes a consistent queue. */
  function write<T>(body: () => T): T {
    ensureOpen();
    return db.transaction(body).immediate();
  }

  function find(id: string): JobRow {
    const row = selectById.get(id);
    if (!row) throw new JobQueueError("JOB_NOT_FOUND", `no job ${id} in the queue`, { jobId: id });
    return row;
  }

  /**
   * Writes `changes` to the job. A new state must be a move the state machine allows (staying in
   * the same state is not one: cancelling a cancelled job is an error).
   */
  function save(row: JobRow, changes: Partial<JobRow>, atMs: number): JobRow {
    if (changes.state !== undefined) assertTransition(row.id, row.state, changes.state);
    const saved = update.get({ ...row, ...changes, updated_at_ms: atMs });
    if (!saved) throw new JobQueueError("JOB_NOT_FOUND", `no job ${row.id} in the queue`);
    return saved;
  }

  function recoverStalledAt(atMs: number): JobRow[] {
    return selectExpired.all(atMs).map((row) => {
      const error = JSON.stringify({
        code: "LEASE_EXPIRED",
        message: `worker ${row.worker ?? "?"} stopped renewing its lease (it crashed, hung or was killed)`,
      } satisfies JobFailure);
      if (row.cancel_requested) {
        return save(row, { state: "cancelled", lease_token: null, lease_until_ms: null }, atMs);
      }
      if (row.attempts < row.max_attempts) {
        return save(row, { state: "queued", ...REQUEUED, not_before_ms: atMs, error }, atMs);
      }
      return save(row, { state: "failed", lease_token: null, lease_until_ms: null, error }, atMs);
    });
  }

  function claimed(row: JobRow, workerId: string, leaseMs: number): ClaimedJob {
    const id = row.id;
    const token = row.lease_token;

    /** The job, if this claim still holds it; else LeaseLostError. */
    function held(): JobRow {
      const current = find(id);
      if (current.lease_token !== token) {
        const taker =
          current.state === "running" && current.worker !== null
            ? `; worker ${current.worker} runs it now`
            : `; it is ${current.state} now`;
        throw new LeaseLostError(
          id,
          `worker ${workerId} no longer holds job ${id} (its lease ran out, or it released the job)${taker}`,
        );
      }
      return current;
    }

    /**
     * The job, if this claim holds it and it still runs. A run that already ended (completed,
     * failed, cancelled, released) cannot be acted on again: JOB_NOT_RUNNING.
     */
    function running(action: string): JobRow {
      const current = held();
      if (current.state !== "running") {
        throw new JobQueueError(
          "JOB_NOT_RUNNING",
          `cannot ${action} job ${id}: it is ${current.state}, no longer running`,
          { jobId: id },
        );
      }
      return current;
    }

    return {
      record: toRecord(row),

      async heartbeat(progress) {
        if (progress !== undefined) checkProgress(progress);
        const saved = write(() => {
          const atMs = now();
          const current = running("send a heartbeat for");
          return save(
            current,
            { lease_until_ms: atMs + leaseMs, progress: progress ?? current.progress },
            atMs,
          );
        });
        return { cancelRequested: saved.cancel_requested !== 0 };
      },

      async complete(result) {
        const artifactsDir = result.artifactsDir;
        return toRecord(
          write(() =>
            save(
              running("complete"),
              {
                state: "completed",
                progress: 1,
                result: JSON.stringify({ artifactsDir }),
                error: null,
                lease_until_ms: null,
              },
              now(),
            ),
          ),
        );
      },

      async fail(failure, options = {}) {
        const error = JSON.stringify({ message: failure.message, code: failure.code });
        return toRecord(
          write(() => {
            const atMs = now();
            const current = running("fail");
            const done = { lease_until_ms: null, error };
            if (current.cancel_requested)
              return save(current, { state: "cancelled", ...done }, atMs);
            const retry = options.retry ?? true;
            if (retry && current.attempts < current.max_attempts) {
              const notBeforeMs = atMs + retryDelayMs(current.attempts, backoff);
              return save(
                current,
                { state: "queued", ...REQUEUED, error, not_before_ms: notBeforeMs },
                atMs,
              );
            }
            return save(current, { state: "failed", ...done }, atMs);
          }),
        );
      },

      async release() {
        return toRecord(
          write(() => {
            const atMs = now();
            const current = running("release");
            if (current.cancel_requested) {
              return save(current, { state: "cancelled", lease_until_ms: null }, atMs);
            }
            // This run does not count against the job's attempts: the job was not at fault.
            const attempts = current.attempts - 1;
            return save(current, { state: "queued", ...REQUEUED, attempts }, atMs);
          }),
        );
      },

      async acknowledgeCancel() {
        return toRecord(
          write(() => {
            const current = running("acknowledge the cancel of");
            if (!current.cancel_requested) {
              throw new JobQueueError(
                "CANCEL_NOT_REQUESTED",
                `job ${id} was not cancelled; use fail() or release() to stop it`,
                { jobId: id },
              );
            }
            return save(current, { state: "cancelled", lease_until_ms: null }, now());
          }),
        );
      },
    };
  }

  return {
    async submit(spec, submitOptions: SubmitOptions = {}) {
      const parsed = parseJobSpec(spec);
      const maxAttempts = checkSubmitOptions(submitOptions);
      const id = submitOptions.id ?? randomUUID();
      const atMs = now();
      const row: JobRow = {
        id,
        spec: JSON.stringify(parsed),
        state: "queued",
        progress: 0,
        worker: null,
        backend: null,
        result: null,
        error: null,
        attempts: 0,
        max_attempts: maxAttempts,
        not_before_ms: atMs,
        lease_until_ms: null,
        lease_token: null,
        cancel_requested: 0,
        created_at_ms: atMs,
        updated_at_ms: atMs,
      };
      try {
        const inserted = write(() => insert.get(row));
        if (!inserted) throw new Error(`inserting job ${id} returned no row`);
        return toRecord(inserted);
      } catch (error) {
        if (isSqliteError(error, "SQLITE_CONSTRAINT_PRIMARYKEY")) {
          throw new JobQueueError("DUPLICATE_JOB_ID", `the queue already has a job ${id}`, {
            jobId: id,
            cause: error,
          });
        }
        throw error;
      }
    },

    async get(id) {
      ensureOpen();
      const row = selectById.get(id);
      return row && toRecord(row);
    },

    async list(filter: ListFilter = {}) {
      ensureOpen();
      const states = filter.states && new Set(filter.states);
      return selectAll
        .all()
        .filter((row) => !states || states.has(row.state))
        .map(toRecord);
    },

    async cancel(id) {
      return toRecord(
        write(() => {
          const atMs = now();
          const row = find(id);
          if (row.state === "running") {
            return row.cancel_requested ? row : save(row, { cancel_requested: 1 }, atMs);
          }
          return save(row, { state: "cancelled", cancel_requested: 1 }, atMs);
        }),
      );
    },

    async claim(workerId, claimOptions: ClaimOptions) {
      checkClaimArguments(workerId, claimOptions);
      const row = write(() => {
        const atMs = now();
        recoverStalledAt(atMs);
        const next = selectNextRunnable.get(atMs);
        if (!next) return undefined;
        return save(
          next,
          {
            state: "running",
            worker: workerId,
            backend: claimOptions.backend ?? null,
            attempts: next.attempts + 1,
            progress: 0,
            cancel_requested: 0,
            lease_until_ms: atMs + claimOptions.leaseMs,
            lease_token: randomUUID(),
          },
          atMs,
        );
      });
      return row && claimed(row, workerId, claimOptions.leaseMs);
    },

    async recoverStalled(nowMs) {
      return write(() => recoverStalledAt(nowMs ?? now())).map(toRecord);
    },

    async close() {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
}
