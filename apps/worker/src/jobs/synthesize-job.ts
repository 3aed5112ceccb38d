// A `synthesize` job: a synthetic data set (positives/, negatives/, manifest.json) in `out`.
// Clips are written one by one atomically; a rerun of the job keeps what an earlier run made.
import type { SynthesizeJobSpec } from "@wakeforge/jobs";
import { synthesizeDataset } from "@wakeforge/synth";
import type { JobContext, JobResult } from "./job-context.js";
import { JobRunError } from "./job-failure.js";

/** `negatives: true` asks for as many confusable negatives as positives, as `train --synth` makes. */
export function negativeCount(spec: SynthesizeJobSpec): number {
  if (spec.negatives === true) return spec.count;
  if (spec.negatives === false) return 0;
  return spec.negatives;
}

export async function runSynthesizeJob(
  spec: SynthesizeJobSpec,
  context: JobContext,
): Promise<JobResult> {
  const { report, signal } = context;
  report.stage("synthesizing");
  const result = await synthesizeDataset({
    phrase: spec.word,
    positives: spec.count,
    negatives: negativeCount(spec),
    language: spec.language,
    seed: 0,
    outDir: spec.out,
    signal,
    onProgress: (p) => report.progress(p.done / Math.max(1, p.total)),
  });
  for (const failure of result.failures.slice(0, 5))
    report.log(`${failure.file}: ${failure.error.message}`, "warn");
  if (result.manifest.clips.length === 0) {
    throw new JobRunError("NO_CLIPS", `no clip of "${spec.word}" could be synthesized`, {
      retry: true,
    });
  }
  report.log(
    `${result.manifest.clips.length} clips in ${spec.out} (${result.written} new, ${result.failures.length} failed)`,
  );
  return { artifactsDir: spec.out };
}
