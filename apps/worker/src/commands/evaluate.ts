import { parseArgs } from "node:util";
import { renderReportHtml, writeFileAtomic } from "@wakeforge/core";
import { startBackend } from "../backend-choice.js";
import { EXIT } from "../exit-codes.js";
import { nonNegativeFlag, thresholdFlag } from "../flags.js";
import type { CommandIo } from "../io.js";
import { SILENT_PROGRESS, createTerminalProgress } from "../progress/terminal-progress.js";
import { runEvaluation } from "../evaluate/run-evaluation.js";
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
  const { summary, evaluation, phrase } = await runEvaluation(
    {
      model: values.model,
      positives: values.positives,
      negatives: values.negatives,
      heldOut: values["held-out"],
      ...(threshold === undefined ? {} : { threshold }),
      ...(targetFa === undefined ? {} : { targetFalseAcceptsPerHour: targetFa }),
    },
    {
      onSkipped: (message) => io.stderr.write(`wakeforge eval: skipped ${message}\n`),
      onProgress: (p) =>
        progress.update("evaluating", p.done / Math.max(1, p.total), `${p.phase} ${p.name ?? ""}`),
    },
  );
  progress.done();
  if (values.report) {
    await writeFileAtomic(values.report, renderReportHtml({ phrase, evaluation }));
  }
  if (values.json) {
    io.stdout.write(`${JSON.stringify(summary)}\n`);
  } else {
    const fa = summary.falseAccepts.overall;
    io.stdout.write(
      `threshold ${summary.threshold.toFixed(4)}: recall ${(summary.recall.recall * 100).toFixed(1)} % ` +
        `(${summary.recall.detected} of ${summary.recall.total}, ${summary.voices} voices), ` +
        `${fa.perHour.toFixed(2)} false accepts per hour (${fa.falseAccepts} in ${fa.hours.toFixed(2)} h)\n`,
    );
  }
  return EXIT.ok;
}
