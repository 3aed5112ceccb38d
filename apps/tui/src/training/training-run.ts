// Training from the terminal UI runs as a job, through the same code as `wakeforge train`.
//
// Why a job, and not the training code in this process: that code (data preparation, synthesis,
// background and negative audio, then core's trainWakeWord, evaluation, calibration, the model
// directory) lives in the worker app, and apps never import each other. Its public face is the
// `wakeforge` program, and a worker already reports everything the screen draws as progress
// events (@wakeforge/jobs: stages, fraction, epochs with metrics, log lines) and already stops a
// job cleanly at its next step when asked. So the run is one train job on a queue of its own
// (a SQLite file in a temporary folder, so no other job can get in first and no other worker can
// take it), served by a `wakeforge serve` child; the screen reads the job's event log. Training
// also keeps the UI responsive this way: a tfjs epoch blocks its process's event loop.
//
// Stopping: the job is cancelled and the worker is sent SIGTERM; it stops at its next step and
// leaves nothing at the model's path. "Next step" can be late: a tfjs training run keeps the
// worker's event loop busy until it ends (core's training loop never yields to it), so the
// worker sees the signal only then, and aborts before evaluating or writing anything. A second
// stop() kills the worker (SIGKILL) at once; the model's path is still never half written,
// because model directories are written under a temporary name and renamed into place.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BackendChoice } from "@wakeforge/core";
import type { JobProgressEvent, JobQueue, QueuedJobRecord, TrainJobSpec } from "@wakeforge/jobs";
import { openQueue } from "@wakeforge/jobs/node";
import type { CommandLine } from "../programs/command-line.js";
import { lastLines, type LineBuffer } from "../programs/line-buffer.js";
import { jobLogPath, readJobLog } from "./job-log.js";

export interface TrainingRunOptions {
  readonly spec: TrainJobSpec;
  readonly dataDir: string;
  readonly wakeforge: CommandLine;
  readonly backend: BackendChoice;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly onEvent: (event: JobProgressEvent) => void;
  /** How often the job's log and state are read. */
  readonly pollMs?: number;
}

export type TrainingEnd =
  | { readonly outcome: "completed"; readonly model: string }
  | { readonly outcome: "failed"; readonly message: string }
  | { readonly outcome: "stopped" };

export interface TrainingRun {
  readonly jobId: string;
  /** Stops the run at its next step; called again, kills the worker at once. */
  stop(): void;
  /** Settles once the worker has exited and the run's temporary queue is gone; never rejects. */
  readonly finished: Promise<TrainingEnd>;
}

const DEFAULT_POLL_MS = 250;
/** A worker that ignores SIGTERM this long after its job ended is killed. */
const EXIT_GRACE_MS = 15_000;

function serveArgs(options: TrainingRunOptions, queuePath: string): string[] {
  return [
    ...options.wakeforge.args,
    "serve",
    "--queue",
    queuePath,
    "--concurrency",
    "1",
    "--backend",
    options.backend,
    "--worker-id",
    `wakeforge-tui-${process.pid}`,
  ];
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

export async function startTrainingRun(options: TrainingRunOptions): Promise<TrainingRun> {
  const folder = await mkdtemp(join(tmpdir(), "wakeforge-tui-queue-"));
  const queuePath = join(folder, "queue.sqlite");
  const jobId = `tui-${randomUUID()}`;
  let queue: JobQueue;
  try {
    queue = await openQueue(queuePath);
    await queue.submit(options.spec, { id: jobId, maxAttempts: 1 });
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }

  const output: LineBuffer = lastLines(20);
  const child = spawn(options.wakeforge.command, serveArgs(options, queuePath), {
    env: { ...options.env, WAKEFORGE_DATA_DIR: options.dataDir },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString("utf8")));
  child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString("utf8")));
  let spawnError: Error | undefined;
  child.on("error", (error) => (spawnError = error));
  // Never leave a worker behind, whatever ends this process.
  const killOnExit = () => child.kill("SIGTERM");
  process.on("exit", killOnExit);

  const log = readJobLog(jobLogPath(options.dataDir, jobId));
  const childExit = exited(child);
  let childDone = false;
  void childExit.then(() => (childDone = true));
  let stopRequests = 0;

  const drainLog = async () => {
    for (const event of await log.read()) options.onEvent(event);
  };

  /** Reads the log until the job ends or the worker exits; returns the job's last record. */
  async function watch(): Promise<QueuedJobRecord | undefined> {
    const pollMs = options.pollMs ?? DEFAULT_POLL_MS;
    for (;;) {
      await drainLog();
      const record = await queue.get(jobId);
      const ended =
        record?.state === "completed" ||
        record?.state === "failed" ||
        record?.state === "cancelled";
      if (ended || childDone) return record;
      await Promise.race([new Promise((resolve) => setTimeout(resolve, pollMs)), childExit]);
    }
  }

  async function finish(): Promise<TrainingEnd> {
    let record: QueuedJobRecord | undefined;
    let watchError: unknown;
    try {
      record = await watch();
    } catch (error) {
      watchError = error;
    }
    if (!childDone) child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), EXIT_GRACE_MS);
    const code = await childExit;
    clearTimeout(timer);
    process.off("exit", killOnExit);
    try {
      await drainLog();
      record = (await queue.get(jobId)) ?? record;
    } catch (error) {
      watchError ??= error;
    }
    await queue.close().catch(() => {});
    await rm(folder, { recursive: true, force: true });

    if (record?.state === "completed") return { outcome: "completed", model: options.spec.out };
    if (record?.state === "cancelled" || stopRequests > 0) return { outcome: "stopped" };
    if (record?.state === "failed") {
      return { outcome: "failed", message: record.error?.message ?? "the job failed" };
    }
    if (spawnError) {
      return {
        outcome: "failed",
        message: `could not start ${options.wakeforge.command}: ${spawnError.message}`,
      };
    }
    const why = watchError instanceof Error ? watchError.message : output.text();
    return {
      outcome: "failed",
      message: `wakeforge serve exited (code ${code ?? "none"}) before the job ended${why ? `:\n${why}` : ""}`,
    };
  }

  return {
    jobId,
    stop() {
      stopRequests += 1;
      if (stopRequests === 1) {
        // Cancelled, not merely handed back: a stop asked for must not be undone by a retry.
        queue.cancel(jobId).catch(() => {});
      }
      if (!childDone) child.kill(stopRequests === 1 ? "SIGTERM" : "SIGKILL");
    },
    finished: finish(),
  };
}
