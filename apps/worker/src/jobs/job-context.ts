import type { JobReporter } from "./job-reporter.js";

/** What a job runs with on this worker. */
export interface JobContext {
  readonly jobId: string;
  /** The tfjs backend this worker started (`wasm`, `node-gpu`, …). */
  readonly backend: string;
  /** The worker's data directory: caches and generated audio shared by its jobs. */
  readonly dataDir: string;
  readonly report: JobReporter;
  /** Aborted when the job must stop: cancelled, lease lost, or the worker shuts down. */
  readonly signal: AbortSignal;
}

/** Where a finished job's artefacts are: a directory, or one file (an ONNX export). */
export interface JobResult {
  readonly artifactsDir: string;
}
