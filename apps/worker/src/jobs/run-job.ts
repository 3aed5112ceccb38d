// Runs one validated job spec on this worker and says where its artefacts are. Artefacts are
// written atomically (a temporary name renamed into place), so a job that is stopped, crashes or
// runs twice leaves either a whole result or the one from before.
import type { JobSpec } from "@wakeforge/jobs";
import type { JobContext, JobResult } from "./job-context.js";
import { runEvalJob } from "./eval-job.js";
import { runExportJob } from "./export-job.js";
import { runPretrainJob } from "./pretrain-job.js";
import { runSynthesizeJob } from "./synthesize-job.js";
import { runTrainJob } from "./train-job.js";

/** What the artefacts event calls each kind's result. */
const ARTIFACT_NAMES = {
  train: "model",
  eval: "evaluation",
  synthesize: "dataset",
  export: "export",
  pretrain: "base",
} as const satisfies Record<JobSpec["kind"], string>;

export async function runJob(spec: JobSpec, context: JobContext): Promise<JobResult> {
  let result: JobResult;
  switch (spec.kind) {
    case "train":
      result = await runTrainJob(spec, context);
      break;
    case "eval":
      result = await runEvalJob(spec, context);
      break;
    case "synthesize":
      result = await runSynthesizeJob(spec, context);
      break;
    case "export":
      result = await runExportJob(spec, context);
      break;
    case "pretrain":
      result = await runPretrainJob(spec, context);
      break;
  }
  context.report.progress(1);
  context.report.artifacts({ [ARTIFACT_NAMES[spec.kind]]: result.artifactsDir });
  context.report.stage("done");
  return result;
}
