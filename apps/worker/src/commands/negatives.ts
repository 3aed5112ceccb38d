import { parseArgs } from "node:util";
import { generateNegativeAudio } from "@wakeforge/core";
import { EXIT } from "../exit-codes.js";
import type { CommandIo } from "../io.js";
import { SILENT_PROGRESS, createTerminalProgress } from "../progress/terminal-progress.js";
import { UsageError } from "../usage-error.js";

export const NEGATIVES_HELP = `wakeforge negatives --out DIR [--minutes M] [--seed S] [--exclude "hey nova"] [--json]

Writes long general negative audio for evaluation and threshold calibration: speech from many
synthetic voices, synthesized music and noise (white, pink, babble, hum), M minutes in all
(default 60), 16 kHz WAV files named by kind. The same seed gives the same files. --exclude keeps
the wake word's words out of the generated speech.`;

export async function negatives(argv: readonly string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      out: { type: "string" },
      minutes: { type: "string", default: "60" },
      seed: { type: "string", default: "1" },
      exclude: { type: "string" },
      json: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (!values.out) throw new UsageError("--out DIR is required");
  const minutes = Number(values.minutes);
  const seed = Number(values.seed);
  if (!(minutes > 0))
    throw new UsageError(`--minutes ${values.minutes}: expected a positive number`);
  if (!Number.isInteger(seed))
    throw new UsageError(`--seed ${values.seed}: expected a whole number`);
  const progress = values.json
    ? SILENT_PROGRESS
    : createTerminalProgress({ stream: io.stderr as CommandIo["stdout"] });
  const files = await generateNegativeAudio({
    outDir: values.out,
    minutes,
    seed,
    excludeWords: values.exclude?.split(/\s+/).filter(Boolean) ?? [],
    onProgress: (p) =>
      progress.update("generating", p.doneSeconds / Math.max(1, p.totalSeconds), p.kind),
  });
  progress.done();
  for (const file of files) {
    io.stdout.write(
      values.json
        ? `${JSON.stringify(file)}\n`
        : `${file.path}\t${file.kind}\t${(file.durationSeconds / 60).toFixed(1)} min\n`,
    );
  }
  return EXIT.ok;
}
