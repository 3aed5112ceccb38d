// The Jobs screen's table as rows of cells, shared by the screen and the line output.
import type { QueuedJobRecord } from "@wakeforge/jobs";
import { ago, jobOutcome } from "./describe-job.js";

export const JOB_HEADER = [
  "ID",
  "KIND",
  "STATE",
  "PROGRESS",
  "TRIES",
  "WORKER",
  "UPDATED",
  "RESULT / ERROR / JOB",
] as const;

/** A short progress bar in text: "███░░░░░░░  30%". */
export function progressCells(fraction: number, cells = 10): string {
  const shown = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0));
  const filled = Math.floor(shown * cells);
  return `${"█".repeat(filled)}${"░".repeat(cells - filled)} ${`${Math.floor(shown * 100)}%`.padStart(4)}`;
}

export function jobRow(job: QueuedJobRecord, nowMs: number): string[] {
  return [
    job.id.length > 12 ? `${job.id.slice(0, 11)}…` : job.id,
    job.spec.kind,
    job.state,
    progressCells(job.progress),
    `${job.attempts}/${job.maxAttempts}`,
    job.worker ?? "-",
    ago(job.updatedAtMs, nowMs),
    jobOutcome(job),
  ];
}
