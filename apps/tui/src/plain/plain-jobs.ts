import type { QueuedJobRecord } from "@wakeforge/jobs";
import { JOB_HEADER, jobRow } from "../queue/job-rows.js";
import { tableLines } from "../table.js";

/** The Jobs screen as lines. */
export function jobLines(
  where: string,
  jobs: readonly QueuedJobRecord[],
  nowMs = Date.now(),
): string[] {
  if (jobs.length === 0) return [`queue: ${where}`, "no jobs"];
  return [
    `queue: ${where}`,
    ...tableLines(
      JOB_HEADER,
      jobs.map((job) => jobRow(job, nowMs)),
    ),
  ];
}
