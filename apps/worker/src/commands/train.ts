import { join } from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_SCRATCH_WINDOWS_PER_EPOCH, SPEECH_EMBEDDING } from "@wakeforge/core";
import { TRAIN_DEFAULTS } from "@wakeforge/jobs";
import { startBackend } from "../backend-choice.js";
import { readWorkerEnv } from "../env.js";
import { EXIT } from "../exit-codes.js";
import { wholeNumberFlag } from "../flags.js";
import type { CommandIo } from "../io.js";
import {
  SILENT_PROGRESS,
  createTerminalProgress,
  type ProgressSink,
} from "../progress/terminal-progress.js";
import { runTraining } from "../train/run-training.js";
import { terminalTrainingProgress } from "../train/training-progress.js";
import { phraseSlug } from "../train/work-dir.js";
import { UsageError } from "../usage-error.js";

// The defaults are those of a train job spec, so the command and a queued job train alike.
/** Minutes of generated training background when --background-minutes is not given. */
export const DEFAULT_BACKGROUND_MINUTES = TRAIN_DEFAULTS.backgroundMinutes;
/** Minutes of generated negative audio the threshold is calibrated on, by default. */
export const DEFAULT_NEGATIVE_MINUTES = TRAIN_DEFAULTS.negativeMinutes;
export const DEFAULT_EPOCHS = TRAIN_DEFAULTS.epochs;

export const TRAIN_HELP = `wakeforge train --word "hey nova" [--word "okay orbit" ...] --out DIR [options]

Trains a trigger-word detector by transfer learning from a pre-trained base (the speech-embedding
base, or a word network of your own), and (with --compare-scratch) the same network from scratch
on the same data, epochs and seed, then calibrates the threshold on long general negative audio
and writes the model, its training record (metrics.json) and a report with the learning curves
and the DET curve.

Several --word phrases train together on one base: each gets its own head in DIR/<phrase>/, and
the others' synthetic positives are among its negatives, so one word does not wake another.
\`wakeforge detect --model DIR/a --model DIR/b\` then listens with one embedding pass for all.

  --synth N            synthesize N positives and N negatives (confusables, everyday speech)
  --positives DIR      your own recordings of the phrase (weighted so that a handful matter)
  --negatives DIR      your own negative audio (room, TV, conversation)
  --background DIR     background noise mixed into training clips
  --background-minutes M  generated background for training: speech in many voices, music
                       (synthesized and from recorded instrument notes) and noise (default ${DEFAULT_BACKGROUND_MINUTES}; 0: none)
  --base B             ${SPEECH_EMBEDDING.id} (default), or a word network's directory from
                       \`wakeforge pretrain\`: its output layer is dropped and the head reads its embedding
  --compare-scratch    also train the same network from scratch and give the verdict
  --scratch-windows N  windows the scratch run trains on per epoch (default ${DEFAULT_SCRATCH_WINDOWS_PER_EPOCH}: a step
                       through the imported base costs ~0.2 s on 2 cores; a word network affords more)
  --fine-tune          afterwards fine-tune the top base layer too
  --epochs N           default ${DEFAULT_EPOCHS}          --seed S         default 0
  --negative-minutes M generated negative audio for the threshold (default ${DEFAULT_NEGATIVE_MINUTES})
  --backend B          auto|node-gpu|node|wasm|cpu     --json  a JSON summary on stdout`;

export async function train(argv: readonly string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      word: { type: "string", multiple: true },
      out: { type: "string" },
      synth: { type: "string" },
      positives: { type: "string" },
      negatives: { type: "string" },
      background: { type: "string" },
      base: { type: "string", default: SPEECH_EMBEDDING.id },
      "compare-scratch": { type: "boolean", default: false },
      "scratch-windows": { type: "string" },
      "fine-tune": { type: "boolean", default: false },
      epochs: { type: "string" },
      seed: { type: "string" },
      "negative-minutes": { type: "string" },
      "background-minutes": { type: "string" },
      backend: { type: "string" },
      json: { type: "boolean", default: false },
    },
    strict: true,
  });
  const phrases = (values.word ?? []).map((word) => word.trim());
  if (phrases.length === 0 || phrases.some((phrase) => !phrase))
    throw new UsageError('--word "PHRASE" is required');
  if (!values.out) throw new UsageError("--out DIR is required");
  const outDirs = outputDirectories(phrases, values.out);
  if (phrases.length > 1 && values.positives)
    throw new UsageError(
      "--positives holds recordings of one phrase; train a word with recordings on its own",
    );
  // The zoo's base by name, or a word network `wakeforge pretrain` wrote (checked when loaded).
  const baseDir = values.base === SPEECH_EMBEDDING.id ? undefined : values.base;
  const env = readWorkerEnv(io.env);
  const synth = wholeNumberFlag(values.synth, "--synth", 0, 0);
  const epochs = wholeNumberFlag(values.epochs, "--epochs", DEFAULT_EPOCHS);
  const seed = wholeNumberFlag(values.seed, "--seed", 0, 0);
  const scratchWindows = wholeNumberFlag(
    values["scratch-windows"],
    "--scratch-windows",
    DEFAULT_SCRATCH_WINDOWS_PER_EPOCH,
  );
  const negativeMinutes = wholeNumberFlag(
    values["negative-minutes"],
    "--negative-minutes",
    DEFAULT_NEGATIVE_MINUTES,
  );
  const backgroundMinutes = wholeNumberFlag(
    values["background-minutes"],
    "--background-minutes",
    DEFAULT_BACKGROUND_MINUTES,
    0,
  );
  if (synth === 0 && !values.positives)
    throw new UsageError("give --synth N, --positives DIR, or both");

  const progress: ProgressSink = values.json
    ? SILENT_PROGRESS
    : createTerminalProgress({ stream: io.stderr as CommandIo["stdout"] });
  const started = Date.now();
  const backend = await startBackend(values.backend, io.env);
  progress.log(
    `backend: ${backend.backend}${backend.skipped.length ? ` (skipped ${backend.skipped.map((s) => s.backend).join(", ")})` : ""}`,
  );
  for (const [i, phrase] of phrases.entries()) {
    const out = outDirs[i] as string;
    if (phrases.length > 1) progress.log(`"${phrase}" (${i + 1} of ${phrases.length}) → ${out}`);
    const { summary, warning } = await runTraining(
      {
        phrase,
        out,
        synth,
        ...(phrases.length > 1 ? { alongside: phrases } : {}),
        ...(values.positives ? { positives: values.positives } : {}),
        ...(values.negatives ? { negatives: values.negatives } : {}),
        ...(values.background ? { background: values.background } : {}),
        ...(baseDir ? { baseDir } : {}),
        compareScratch: values["compare-scratch"],
        scratchWindowsPerEpoch: scratchWindows,
        fineTune: values["fine-tune"],
        epochs,
        seed,
        negativeMinutes,
        backgroundMinutes,
        backend: backend.backend,
        dataDir: env.dataDir,
        startedAtMs: i === 0 ? started : Date.now(),
      },
      { progress: terminalTrainingProgress(progress) },
    );

    if (values.json) {
      io.stdout.write(`${JSON.stringify(summary)}\n`);
    } else {
      io.stdout.write(
        [
          `trained "${phrase}" in ${Math.round(summary.seconds)} s → ${out}`,
          `threshold ${summary.threshold.toFixed(4)}: recall ${(summary.recall * 100).toFixed(1)} % on held-out voices, ${summary.falseAcceptsPerHour.toFixed(2)} false accepts per hour`,
          ...(summary.verdict ? [summary.verdict] : []),
          ...(warning ? [`WARNING: ${warning}`] : []),
          `report: ${join(out, "report.html")}`,
        ].join("\n") + "\n",
      );
    }
  }
  return EXIT.ok;
}

/** One word: DIR itself. Several: DIR/<phrase> each, which must differ. */
function outputDirectories(phrases: readonly string[], out: string): string[] {
  if (phrases.length === 1) return [out];
  const dirs = phrases.map((phrase) => join(out, phraseSlug(phrase)));
  const seen = new Set<string>();
  phrases.forEach((phrase, i) => {
    const dir = dirs[i] as string;
    if (seen.has(dir))
      throw new UsageError(
        `--word "${phrase}" is given twice (or names the same folder as another)`,
      );
    seen.add(dir);
  });
  return dirs;
}
