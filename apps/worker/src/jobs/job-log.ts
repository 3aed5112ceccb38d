// Each job's progress events, one JSON object per line, in <dataDir>/jobs/<id>.log on the
// worker's machine. Every run of the job appends to the same file, so a retried job's log tells
// its whole story. Lines are appended whole (O_APPEND), so a crash loses at most the last event.
import { appendFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { JobProgressEvent } from "@wakeforge/jobs";

export interface JobLog {
  readonly path: string;
  write(event: JobProgressEvent): void;
}

/** A file-system-safe file name for any job id (ids are free text). */
export function jobLogName(jobId: string): string {
  return `${encodeURIComponent(jobId).replace(/^\.+/, (dots) => "%2E".repeat(dots.length))}.log`;
}

export function jobLogPath(dataDir: string, jobId: string): string {
  return join(dataDir, "jobs", jobLogName(jobId));
}

/**
 * Opens the log of `jobId`. Writing never throws: a log that cannot be written (a full disk) must
 * not fail the job it describes; `onError` hears about the first problem.
 */
export function openJobLog(
  dataDir: string,
  jobId: string,
  onError: (error: Error) => void = () => {},
): JobLog {
  const path = jobLogPath(dataDir, jobId);
  let broken = false;
  const fail = (error: unknown) => {
    if (!broken) onError(error instanceof Error ? error : new Error(String(error)));
    broken = true;
  };
  try {
    mkdirSync(join(dataDir, "jobs"), { recursive: true });
  } catch (error) {
    fail(error);
  }
  return {
    path,
    write(event) {
      if (broken) return;
      try {
        appendFileSync(path, `${JSON.stringify(event)}\n`);
      } catch (error) {
        fail(error);
      }
    },
  };
}
