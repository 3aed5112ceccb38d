// A `train` job: `wakeforge train` with the spec's settings.
import { isAbsolute } from "node:path";
import { SPEECH_EMBEDDING } from "@wakeforge/core";
import type { TrainJobSpec } from "@wakeforge/jobs";
import { runTraining } from "../train/run-training.js";
import type { JobContext, JobResult } from "./job-context.js";
import { JobRunError } from "./job-failure.js";
import { jobTrainingProgress } from "./job-reporter.js";

export async function runTrainJob(spec: TrainJobSpec, context: JobContext): Promise<JobResult> {
  // The zoo's base by name, or the directory of a word network a pretrain job (or `wakeforge
  // pretrain`) wrote: loading it says what is wrong with one that is not.
  const baseDir = spec.base === SPEECH_EMBEDDING.id ? undefined : spec.base;
  if (baseDir !== undefined && !isAbsolute(baseDir)) {
    throw new JobRunError(
      "UNKNOWN_BASE",
      `base "${spec.base}": give ${SPEECH_EMBEDDING.id} or the absolute path of a word network's directory`,
      { retry: false },
    );
  }
  // The backend is the worker's, started once for all its jobs; a job that names another
  // backend is for other workers (a GPU one, say), so it goes back for them to take.
  if (spec.backend !== "auto" && spec.backend !== context.backend) {
    throw new JobRunError(
      "BACKEND_MISMATCH",
      `the job asks for backend ${spec.backend}; this worker runs ${context.backend}`,
      { retry: true },
    );
  }
  const { summary, warning } = await runTraining(
    {
      phrase: spec.word,
      out: spec.out,
      synth: spec.synth,
      ...(spec.positives ? { positives: spec.positives } : {}),
      ...(spec.negatives ? { negatives: spec.negatives } : {}),
      ...(spec.background ? { background: spec.background } : {}),
      ...(baseDir ? { baseDir } : {}),
      compareScratch: spec.compareScratch,
      fineTune: spec.fineTune,
      epochs: spec.epochs,
      seed: spec.seed,
      negativeMinutes: spec.negativeMinutes,
      backgroundMinutes: spec.backgroundMinutes,
      backend: context.backend,
      dataDir: context.dataDir,
    },
    { progress: jobTrainingProgress(context.report), signal: context.signal },
  );
  context.report.log(
    `threshold ${summary.threshold.toFixed(4)}: recall ${(summary.recall * 100).toFixed(1)} % on held-out voices, ${summary.falseAcceptsPerHour.toFixed(2)} false accepts per hour`,
  );
  if (summary.verdict) context.report.log(summary.verdict);
  if (warning) context.report.log(warning, "warn");
  return { artifactsDir: spec.out };
}
