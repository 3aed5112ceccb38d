// How `wakeforge jobs` shows jobs: one JSON object per line for programs, a table for people.
import {
  describeJob,
  type JobKind,
  type JobSpec,
  type JobState,
  type QueuedJobRecord,
} from "@wakeforge/jobs";

/** One line of `wakeforge jobs --json`. Absent values are null, so every line has every key. */
export interface JobLine {
  readonly id: string;
  readonly kind: JobKind;
  readonly state: JobState;
  /** Of the whole job, 0..1. */
  readonly progress: number;
  readonly worker: string | null;
  readonly backend: string | null;
  /** Where the artefacts are once the job completed. */
  readonly result: string | null;
  readonly error: { readonly code: string; readonly message: string } | null;
  /** Runs started so far, counting one in progress. */
  readonly attempts: number;
  readonly maxAttempts: number;
  readonly cancelRequested: boolean;
  /** ISO 8601. */
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly spec: JobSpec;
}

export function jobLine(job: QueuedJobRecord): JobLine {
  return {
    id: job.id,
    kind: job.spec.kind,
    state: job.state,
    progress: job.progress,
    worker: job.worker ?? null,
    backend: job.backend ?? null,
    result: job.result?.artifactsDir ?? null,
    error: job.error ? { code: job.error.code, message: job.error.message } : null,
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    cancelRequested: job.cancelRequested,
    createdAt: new Date(job.createdAtMs).toISOString(),
    updatedAt: new Date(job.updatedAtMs).toISOString(),
    spec: job.spec,
  };
}

/** "12 s ago", "5 min ago", "3 h ago", or the date for older ones. */
export function ago(ms: number, nowMs: number): string {
  const seconds = Math.max(0, Math.round((nowMs - ms) / 1000));
  if (seconds < 90) return `${seconds} s ago`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 36 * 3600) return `${Math.round(seconds / 3600)} h ago`;
  return new Date(ms).toISOString().slice(0, 10);
}

function outcome(job: QueuedJobRecord): string {
  if (job.state === "completed" && job.result) return job.result.artifactsDir;
  // A queued job may carry the error of the run before (it waits for its retry).
  if (job.error && job.state !== "completed")
    return `${job.error.code}: ${job.error.message.split("\n")[0]}`;
  if (job.cancelRequested && job.state === "running") return "cancel requested";
  return describeJob(job.spec);
}

/** A table with a header; the last column (result, error or what the job does) is not cut. */
export function jobTable(jobs: readonly QueuedJobRecord[], nowMs = Date.now()): string {
  const header = [
    "ID",
    "KIND",
    "STATE",
    "PROGRESS",
    "TRIES",
    "WORKER",
    "BACKEND",
    "UPDATED",
    "RESULT / ERROR / JOB",
  ];
  const rows = jobs.map((job) => [
    job.id,
    job.spec.kind,
    job.state,
    `${Math.floor(job.progress * 100)}%`,
    `${job.attempts}/${job.maxAttempts}`,
    job.worker ?? "-",
    job.backend ?? "-",
    ago(job.updatedAtMs, nowMs),
    outcome(job),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  const format = (row: readonly string[]) =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join("  ")
      .trimEnd();
  return [header, ...rows].map(format).join("\n") + "\n";
}
