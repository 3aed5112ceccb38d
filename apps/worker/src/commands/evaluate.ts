import { readFile, readdir } from "node:fs/promises";
import { basename, join } from "node:path";
import { parseArgs } from "node:util";
import {
  evaluateDetector,
  renderReportHtml,
  writeFileAtomic,
  type NegativeKind,
} from "@wakeforge/core";
import { startBackend } from "../backend-choice.js";
import { EXIT } from "../exit-codes.js";
import { nonNegativeFlag, thresholdFlag } from "../flags.js";
import type { CommandIo } from "../io.js";
import { detectorHead, loadDetector } from "../model/load-detector.js";
import { SILENT_PROGRESS, createTerminalProgress } from "../progress/terminal-progress.js";
import { loadKindFolder } from "../train/folder-dataset.js";
import { UsageError } from "../usage-error.js";

export const EVAL_HELP = `wakeforge eval --model DIR --positives DIR --negatives DIR [--held-out] [--threshold T | --target-fa F] [--backend B] [--report FILE] [--json]

Evaluates a detector the way wake-word engines are judged: recall on the positive clips in
--positives (any audio format), and false accepts per hour with a refractory period on the long
negative audio in --negatives (speech, music, noise: a file whose name says "music" or "noise"
is counted as such, the rest as speech). It uses the model's calibrated threshold unless
--threshold is given, and prints the DET curve's points with --json. Generate an hour of
negative audio with 'wakeforge negatives --out DIR --minutes 60'.

--held-out keeps only the positives whose voice (speaker id in the data set's manifest) the model
never trained on, as recorded in the model's metrics.json; point --positives at the data set the
model was trained on, e.g. .wakeforge/hey-nova/synthetic. --target-fa F picks the threshold that
gives at most F false accepts per hour on --negatives instead of the model's own.`;

/** Voices the model was evaluated on but never trained on, from its training record. */
async function heldOutSpeakers(modelDir: string): Promise<Set<string>> {
  const path = join(modelDir, "metrics.json");
  let record: unknown;
  try {
    record = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    throw new UsageError(
      `--held-out needs the training record ${path}: ${(error as Error).message}`,
    );
  }
  const speakers = (record as { split?: { testSpeakers?: unknown } }).split?.testSpeakers;
  if (!Array.isArray(speakers) || speakers.length === 0) {
    throw new UsageError(`--held-out: ${path} names no held-out voices (split.testSpeakers)`);
  }
  return new Set(speakers.map(String));
}

function kindOf(file: string): NegativeKind {
  const name = basename(file).toLowerCase();
  if (name.includes("music")) return "music";
  if (name.includes("noise")) return "noise";
  return "speech";
}

export async function evaluate(argv: readonly string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      model: { type: "string" },
      positives: { type: "string" },
      negatives: { type: "string" },
      threshold: { type: "string" },
      "held-out": { type: "boolean", default: false },
      "target-fa": { type: "string" },
      report: { type: "string" },
      json: { type: "boolean", default: false },
      backend: { type: "string" },
    },
    strict: true,
  });
  if (!values.model || !values.positives || !values.negatives) {
    throw new UsageError("--model DIR, --positives DIR and --negatives DIR are required");
  }
  const threshold = thresholdFlag(values.threshold, "--threshold");
  const targetFa = nonNegativeFlag(values["target-fa"], "--target-fa", "false accepts per hour");
  if (targetFa !== undefined && threshold !== undefined) {
    throw new UsageError("give --threshold or --target-fa, not both");
  }
  const progress = values.json
    ? SILENT_PROGRESS
    : createTerminalProgress({ stream: io.stderr as CommandIo["stdout"] });
  await startBackend(values.backend, io.env);
  const loaded = await loadDetector(values.model);
  const head = detectorHead(loaded, threshold);
  const positives = await loadKindFolder(values.positives, "positive");
  for (const error of positives.errors)
    io.stderr.write(`wakeforge eval: skipped ${error.message}\n`);
  let positiveClips = positives.positives;
  if (values["held-out"]) {
    const heldOut = await heldOutSpeakers(values.model);
    positiveClips = positiveClips.filter((clip) => heldOut.has(clip.speakerId));
    if (positiveClips.length === 0) {
      throw new UsageError(
        `--held-out: none of the ${positives.positives.length} positives in ${values.positives} is by a voice held out from training`,
      );
    }
  }
  if (positiveClips.length === 0) throw new UsageError(`${values.positives}: no positives`);
  const negativeFiles = (await readdir(values.negatives))
    .filter((name) => /\.(wav|mp3|flac|ogg|opus|webm)$/i.test(name))
    .sort()
    .map((name) => join(values.negatives as string, name));
  if (negativeFiles.length === 0) throw new UsageError(`${values.negatives}: no audio files`);

  const result = await evaluateDetector({
    embedder: loaded.embedder,
    head,
    positives: positiveClips.map((clip) => ({
      name: clip.id,
      samples: clip.samples,
      source: clip.source,
    })),
    longNegatives: negativeFiles.map((path) => ({
      name: basename(path),
      kind: kindOf(path),
      path,
    })),
    ...(targetFa === undefined
      ? { threshold: head.policy.threshold }
      : { targetFalseAcceptsPerHour: targetFa }),
    onProgress: (p) =>
      progress.update("evaluating", p.done / Math.max(1, p.total), `${p.phase} ${p.name ?? ""}`),
  });
  progress.done();
  if (values.report) {
    await writeFileAtomic(
      values.report,
      renderReportHtml({ phrase: head.name, evaluation: result }),
    );
  }
  const voices = new Set(positiveClips.map((clip) => clip.speakerId)).size;
  const summary = {
    model: values.model,
    threshold: result.threshold,
    voices,
    recall: result.recall.overall,
    recallBySource: result.recall.bySource,
    falseAccepts: result.falseAccepts,
    latency: result.latency,
    det: result.det,
  };
  if (values.json) {
    io.stdout.write(`${JSON.stringify(summary)}\n`);
  } else {
    const fa = result.falseAccepts.overall;
    io.stdout.write(
      `threshold ${result.threshold.toFixed(4)}: recall ${(result.recall.overall.recall * 100).toFixed(1)} % ` +
        `(${result.recall.overall.detected} of ${result.recall.overall.total}, ${voices} voices), ` +
        `${fa.perHour.toFixed(2)} false accepts per hour (${fa.falseAccepts} in ${fa.hours.toFixed(2)} h)\n`,
    );
  }
  return EXIT.ok;
}
