// A `pretrain` job: `wakeforge pretrain` on a corpus already in the Speech Commands layout. The
// worker's backend (node-gpu first when installed) runs it; the base directory is written whole.
// A corpus with fewer than two words or voices fails for good (core's BAD_CORPUS).
import { resolve } from "node:path";
import { loadSpeechCommandsDataset, pretrainWords, saveWordNetwork } from "@wakeforge/core";
import type { PretrainJobSpec } from "@wakeforge/jobs";
import { toolVersions } from "../versions.js";
import type { JobContext, JobResult } from "./job-context.js";

export async function runPretrainJob(
  spec: PretrainJobSpec,
  context: JobContext,
): Promise<JobResult> {
  const { report, signal } = context;
  const corpus = await loadSpeechCommandsDataset(spec.corpus, { positiveLabels: [] });
  for (const error of corpus.errors.slice(0, 5)) report.log(`skipped ${error.message}`, "warn");
  report.stage("training");
  const result = await pretrainWords({
    corpus,
    epochs: spec.epochs,
    signal,
    onProgress: (fraction) => report.progress(fraction),
    onEpoch: (m) =>
      report.log(
        `epoch ${m.epoch}/${spec.epochs}: loss ${m.loss.toFixed(3)}, held-out accuracy ${(m.valAccuracy * 100).toFixed(1)} %`,
      ),
  });
  signal.throwIfAborted();
  await saveWordNetwork(spec.out, result, resolve(spec.corpus), toolVersions());
  report.log(
    `${result.classes.length - 1} words, held-out accuracy ${(result.accuracy * 100).toFixed(1)} % ` +
      `on ${result.split.testSpeakers.length} voices never trained on (chance ${(result.chance * 100).toFixed(1)} %)`,
  );
  return { artifactsDir: spec.out };
}
