// A job's log as the worker writes it (docs/workers.md): `<dataDir>/jobs/<id>.log`, one progress
// event of @wakeforge/jobs per line, every run of the job appended, each run opening with a line
// "attempt N of M on worker W (backend B)". Read here for the log view, the live curves and the
// progress between heartbeats (a tfjs epoch can keep a worker from sending one for a while).
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseProgressEvent, type JobProgressEvent, type JobStage } from "@wakeforge/jobs";
import type { JobEpoch, JobLogLine } from "./job-types";

/** The log's file name for a job id, as the worker names it (ids are free text there). */
export function jobLogPath(dataDir: string, jobId: string): string {
  const name = encodeURIComponent(jobId).replace(/^\.+/, (dots) => "%2E".repeat(dots.length));
  return join(dataDir, "jobs", `${name}.log`);
}

/** The events in the log at `path`; undefined when there is no such file on this machine. */
export async function readJobLog(path: string): Promise<JobProgressEvent[] | undefined> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  const events: JobProgressEvent[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    try {
      events.push(parseProgressEvent(JSON.parse(line)));
    } catch {
      // A line cut short by a crash (the last one) or from another version: not an event.
    }
  }
  return events;
}

const RUN_START = /^attempt \d+ of \d+ on worker /;

/** What the log says about the job's latest run. */
export interface JobLogDigest {
  /** Every event of every run, as lines for people (fraction reports left out: the bar shows them). */
  readonly lines: readonly JobLogLine[];
  /** Epochs of the latest run only: a retried job starts its curves again. */
  readonly epochs: readonly JobEpoch[];
  readonly stage: JobStage | null;
  readonly runStartedMs: number | null;
  /** The latest run's fraction reports, oldest first. */
  readonly fractions: readonly { readonly timeMs: number; readonly fraction: number }[];
}

function lineOf(event: JobProgressEvent): JobLogLine | undefined {
  const at = { timeMs: event.timeMs };
  switch (event.type) {
    case "stage":
      return { ...at, level: "info", text: `stage: ${event.stage}` };
    case "epoch": {
      const recall =
        event.metrics.recallAtFar === undefined
          ? ""
          : `, held-out recall ${(event.metrics.recallAtFar * 100).toFixed(1)} %`;
      return {
        ...at,
        level: "info",
        text: `${event.run} epoch ${event.epoch}: loss ${event.metrics.loss.toFixed(4)}, accuracy ${(event.metrics.accuracy * 100).toFixed(1)} %${recall}`,
      };
    }
    case "log":
      return { ...at, level: event.level, text: event.message };
    case "artifacts":
      return {
        ...at,
        level: "info",
        text: `wrote ${Object.entries(event.paths)
          .map(([what, path]) => `${what} → ${path}`)
          .join(", ")}`,
      };
    case "error":
      return { ...at, level: "error", text: `${event.code}: ${event.message}` };
    case "progress":
      return undefined;
  }
}

export function digestJobLog(events: readonly JobProgressEvent[]): JobLogDigest {
  const lines: JobLogLine[] = [];
  let epochs: JobEpoch[] = [];
  let fractions: { timeMs: number; fraction: number }[] = [];
  let stage: JobStage | null = null;
  let runStartedMs: number | null = null;
  for (const event of events) {
    const line = lineOf(event);
    if (line) lines.push(line);
    if (event.type === "log" && RUN_START.test(event.message)) {
      runStartedMs = event.timeMs;
      epochs = [];
      fractions = [];
      stage = null;
    } else if (event.type === "stage") {
      stage = event.stage;
    } else if (event.type === "progress") {
      fractions.push({ timeMs: event.timeMs, fraction: event.fraction });
    } else if (event.type === "epoch") {
      epochs.push({
        run: event.run,
        epoch: event.epoch,
        loss: event.metrics.loss,
        accuracy: event.metrics.accuracy,
        recallAtFar: event.metrics.recallAtFar ?? null,
        valLoss: event.metrics.valLoss ?? null,
      });
    }
  }
  return { lines, epochs, stage, runStartedMs, fractions };
}
