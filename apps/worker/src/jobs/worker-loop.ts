// The loop of `wakeforge serve`: claim jobs while there is room, run them, and on a stop request
// claim no more, stop the running ones (or let nearly finished ones finish) and wait for them.
import type { JobQueue } from "@wakeforge/jobs";
import { startJobRun, type JobRunHandle, type JobRunSettings } from "./job-run.js";

export interface WorkerLoopOptions extends JobRunSettings {
  readonly queue: JobQueue;
  readonly leaseMs: number;
  /** Jobs run at once. They share one tfjs backend, so more only helps jobs that mostly wait. */
  readonly concurrency: number;
  /** The wait before asking an empty queue again. */
  readonly pollMs: number;
  /** Aborted: shut down. */
  readonly stop: AbortSignal;
}

export async function runWorkerLoop(options: WorkerLoopOptions): Promise<void> {
  const { stop, say } = options;
  const runs = new Set<JobRunHandle>();
  let wake = () => {};
  const onStop = () => {
    for (const run of runs) run.shutdown();
    wake();
  };
  stop.addEventListener("abort", onStop, { once: true });
  try {
    while (!stop.aborted) {
      await claimWhileRoom(options, runs, () => wake());
      if (stop.aborted) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, options.pollMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = () => {};
    }
    if (runs.size > 0) say(`waiting for ${runs.size} job(s) to stop`);
    await Promise.all([...runs].map((run) => run.finished));
  } finally {
    stop.removeEventListener("abort", onStop);
  }
}

async function claimWhileRoom(
  options: WorkerLoopOptions,
  runs: Set<JobRunHandle>,
  onFinished: () => void,
): Promise<void> {
  const { queue, stop, say } = options;
  while (runs.size < options.concurrency && !stop.aborted) {
    let job;
    try {
      job = await queue.claim(options.workerId, {
        leaseMs: options.leaseMs,
        backend: options.backend,
      });
    } catch (error) {
      say(`claiming a job failed: ${(error as Error).message}`);
      return;
    }
    if (!job) return;
    const run = startJobRun(job, options);
    runs.add(run);
    // A stop that came while the claim was on its way has not reached this run yet.
    if (stop.aborted) run.shutdown();
    void run.finished.then(() => {
      runs.delete(run);
      onFinished();
    });
  }
}
