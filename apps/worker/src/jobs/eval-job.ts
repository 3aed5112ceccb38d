// An `eval` job: `wakeforge eval` with the model's own threshold. Its result is a directory,
// written atomically: evaluation.json (what `wakeforge eval --json` prints) and report.html.
// Without `out` in the spec it is <model>/evaluation, beside the model it describes (a model
// trained again into that directory replaces it, as it should).
import { join } from "node:path";
import { renderReportHtml, writeDirectoryAtomic, writeFileAtomic } from "@wakeforge/core";
import type { EvalJobSpec } from "@wakeforge/jobs";
import { runEvaluation } from "../evaluate/run-evaluation.js";
import type { JobContext, JobResult } from "./job-context.js";

export const EVALUATION_DIR = "evaluation";

export function evalResultDir(spec: EvalJobSpec): string {
  return spec.out ?? join(spec.model, EVALUATION_DIR);
}

export async function runEvalJob(spec: EvalJobSpec, context: JobContext): Promise<JobResult> {
  const { report, signal } = context;
  report.stage("evaluating");
  const { summary, evaluation, phrase } = await runEvaluation(
    { model: spec.model, positives: spec.positives, negatives: spec.negatives },
    {
      signal,
      onSkipped: (message) => report.log(`skipped ${message}`, "warn"),
      onProgress: (p) => report.progress((0.95 * p.done) / Math.max(1, p.total)),
    },
  );
  const out = evalResultDir(spec);
  report.stage("exporting");
  await writeDirectoryAtomic(out, async (dir) => {
    await writeFileAtomic(join(dir, "evaluation.json"), `${JSON.stringify(summary, null, 2)}\n`);
    await writeFileAtomic(join(dir, "report.html"), renderReportHtml({ phrase, evaluation }));
  });
  const fa = summary.falseAccepts.overall;
  report.log(
    `threshold ${summary.threshold.toFixed(4)}: recall ${(summary.recall.recall * 100).toFixed(1)} % (${summary.recall.detected} of ${summary.recall.total}), ${fa.perHour.toFixed(2)} false accepts per hour`,
  );
  return { artifactsDir: out };
}
