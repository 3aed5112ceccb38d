// One claimed job on this worker: runs it, renews its lease with heartbeats that also carry its
// progress, stops it when it is cancelled, lost or the worker shuts down, and tells the queue
// how the run ended. The queue call that ends a run is made only after the last heartbeat has
// settled, so the two never race.
import {
  type ClaimedJob,
  describeJob,
  type JobSpec,
  LeaseLostError,
  type QueuedJobRecord,
} from "@wakeforge/jobs";
import type { JobContext, JobResult } from "./job-context.js";
import { classifyFailure } from "./job-failure.js";
import { openJobLog } from "./job-log.js";
import { createJobReporter } from "./job-reporter.js";
import { runJob } from "./run-job.js";

/** A job this far along finishes even when its worker is asked to stop: little would be saved. */
export const NEARLY_DONE = 0.9;

export type JobStopReason = "cancelled" | "shutdown" | "lease-lost";

/** The reason a job's AbortSignal carries when the worker stops it on purpose. */
export class JobStop extends Error {
  readonly reason: JobStopReason;

  constructor(reason: JobStopReason, message: string) {
    super(message);
    this.name = "JobStop";
    this.reason = reason;
  }
}

/** How a run ended, as far as this worker knows. */
export type JobRunEnd = "completed" | "retrying" | "failed" | "cancelled" | "released" | "lost";

export interface JobRunSettings {
  readonly workerId: string;
  readonly backend: string;
  readonly dataDir: string;
  readonly heartbeatMs: number;
  /** A line of the worker's own output. */
  readonly say: (line: string) => void;
  /** Runs the spec; `runJob` unless a test stands in for it. */
  readonly run?: (spec: JobSpec, context: JobContext) => Promise<JobResult>;
}

export interface JobRunHandle {
  readonly id: string;
  /** The worker shuts down: stop the job at its next boundary, unless it is nearly done. */
  shutdown(): void;
  /** Settles once the queue has been told how the run ended; never rejects. */
  readonly finished: Promise<JobRunEnd>;
}

const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;

export function startJobRun(job: ClaimedJob, settings: JobRunSettings): JobRunHandle {
  const { id, spec, attempts, maxAttempts } = job.record;
  const { say } = settings;
  const controller = new AbortController();
  const stop = (reason: JobStopReason, message: string) => {
    if (!controller.signal.aborted) controller.abort(new JobStop(reason, message));
  };
  const log = openJobLog(settings.dataDir, id, (error) =>
    say(`job ${id}: cannot write its log (${error.message}); the job goes on`),
  );
  const report = createJobReporter(id, (event) => log.write(event));
  const started = Date.now();

  let beating: Promise<void> | undefined;
  const beat = async () => {
    try {
      const { cancelRequested } = await job.heartbeat(report.fraction);
      if (cancelRequested) stop("cancelled", `job ${id} was cancelled`);
    } catch (error) {
      if (error instanceof LeaseLostError) stop("lease-lost", error.message);
      // Anything else (a busy database, a Redis server away) may pass; the lease allows for a
      // few missed heartbeats.
      else say(`job ${id}: heartbeat failed: ${(error as Error).message}`);
    }
  };
  const timer = setInterval(() => {
    beating ??= beat().finally(() => (beating = undefined));
  }, settings.heartbeatMs);

  /** Tells the queue how the run ended, once the heartbeats have stopped. */
  async function settle(outcome: () => Promise<JobRunEnd>): Promise<JobRunEnd> {
    clearInterval(timer);
    await beating;
    try {
      return await outcome();
    } catch (error) {
      const why =
        error instanceof LeaseLostError
          ? error.message
          : `the queue refused: ${(error as Error).message}`;
      say(`job ${id}: its run ended, but ${why}`);
      return "lost";
    }
  }

  async function execute(): Promise<JobRunEnd> {
    report.log(
      `attempt ${attempts} of ${maxAttempts} on worker ${settings.workerId} (backend ${settings.backend})`,
    );
    say(
      `job ${id} started: ${describeJob(spec)} (attempt ${attempts} of ${maxAttempts}, log ${log.path})`,
    );
    const context: JobContext = {
      jobId: id,
      backend: settings.backend,
      dataDir: settings.dataDir,
      report,
      signal: controller.signal,
    };
    let result: JobResult;
    try {
      result = await (settings.run ?? runJob)(spec, context);
    } catch (error) {
      return settle(() => ended(error));
    }
    return settle(async () => {
      if (
        controller.signal.reason instanceof JobStop &&
        controller.signal.reason.reason === "lease-lost"
      ) {
        say(`job ${id} finished after its lease was lost; another worker runs it now`);
        return "lost";
      }
      await job.complete(result);
      say(`job ${id} completed in ${seconds(Date.now() - started)} → ${result.artifactsDir}`);
      return "completed";
    });
  }

  /** The run threw: because the worker stopped it, or because it failed. */
  async function ended(error: unknown): Promise<JobRunEnd> {
    const stopped = controller.signal.aborted ? controller.signal.reason : undefined;
    if (stopped instanceof JobStop) {
      report.log(stopped.message, "warn");
      if (stopped.reason === "lease-lost") {
        say(`job ${id} stopped: ${stopped.message}`);
        return "lost";
      }
      if (stopped.reason === "cancelled") {
        await job.acknowledgeCancel();
        say(`job ${id} cancelled after ${seconds(Date.now() - started)}`);
        return "cancelled";
      }
      const record: QueuedJobRecord = await job.release();
      say(`job ${id} handed back to the queue (${record.state}): this worker is shutting down`);
      return "released";
    }
    const verdict = classifyFailure(error);
    report.error(verdict.message, verdict.code);
    if (!(error instanceof Error) || verdict.code === "JOB_FAILED")
      report.log(error instanceof Error ? (error.stack ?? error.message) : String(error), "error");
    const record = await job.fail(
      { message: verdict.message, code: verdict.code },
      { retry: verdict.retry },
    );
    const retrying = record.state === "queued";
    say(
      `job ${id} failed${retrying ? " (it will be retried)" : ""}: ${verdict.message.split("\n")[0]}`,
    );
    return record.state === "cancelled" ? "cancelled" : retrying ? "retrying" : "failed";
  }

  return {
    id,
    shutdown() {
      if (report.fraction < NEARLY_DONE)
        stop("shutdown", `worker ${settings.workerId} is shutting down`);
    },
    finished: execute(),
  };
}
