import { parseArgs } from "node:util";
import { NODE_BACKEND_ORDER, type BackendChoice } from "@wakeforge/core";
import { SCREEN_IDS, isScreenId, type ScreenId } from "./screens.js";
import type { TrainingSettings } from "./training/training-settings.js";

export const BACKEND_CHOICES = ["auto", ...NODE_BACKEND_ORDER] as const;

export const USAGE = `Usage: wakeforge-tui [SCREEN] [options]     (also: wakeforge tui …)

Train, watch, evaluate and listen from the terminal. SCREEN is the one to open:
${SCREEN_IDS.join(", ")} (default overview). Keys are shown on every screen; q quits.

When stdout or stdin is not a terminal (a pipe, a log, CI) or TERM=dumb, nothing is drawn: the screen is
printed as plain lines instead. overview, eval, jobs and system print what they show and exit;
train trains (--word is required) with a line per stage, epoch and 10 % of progress; detect
prints a line per detection.

Options:
  --data-dir DIR          models, work folders and job logs (default $WAKEFORGE_DATA_DIR, else
                          ./.wakeforge)
  --queue Q               the queue of the Jobs screen: a SQLite file or redis://HOST:PORT
                          (default $WAKEFORGE_QUEUE, else DATA_DIR/queue.sqlite)
  --backend NAME          ${BACKEND_CHOICES.join("|")} (default $WAKEFORGE_BACKEND, else auto)
  --model DIR             the model the Evaluate and Detect screens open
  --file FILE             audio to run the detector over (Detect)
  --mic                   listen to the microphone (Detect; needs sox or arecord)

Training (the Train screen's form starts with these; the same as wakeforge train):
  --word PHRASE  --synth N  --positives DIR  --epochs N  --seed S  --out DIR
  --background-minutes M  --negative-minutes M  --compare-scratch | --no-compare-scratch
  --start                 start training at once
  -h, --help              show this help`;

/** Training settings given on the command line; the rest come from the defaults. */
export type TrainingFlags = Partial<TrainingSettings>;

export interface CliArgs {
  readonly screen: ScreenId;
  readonly help: boolean;
  /** Undefined: from the environment (WAKEFORGE_BACKEND), else auto. */
  readonly backend: BackendChoice | undefined;
  readonly dataDir: string | undefined;
  readonly queue: string | undefined;
  readonly model: string | undefined;
  readonly file: string | undefined;
  readonly mic: boolean;
  readonly training: TrainingFlags;
  readonly start: boolean;
}

/** Wrong command-line usage; the message says what was wrong in the user's terms. */
export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CliUsageError";
  }
}

function isNodeBackendChoice(value: string): value is (typeof BACKEND_CHOICES)[number] {
  return (BACKEND_CHOICES as readonly string[]).includes(value);
}

function wholeNumber(value: string | undefined, flag: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (value.trim() === "" || !Number.isInteger(number) || number < min) {
    throw new CliUsageError(`${flag} must be a whole number of at least ${min}, got "${value}"`);
  }
  return number;
}

const OPTIONS = {
  backend: { type: "string" },
  "data-dir": { type: "string" },
  queue: { type: "string" },
  model: { type: "string" },
  file: { type: "string" },
  mic: { type: "boolean" },
  word: { type: "string" },
  synth: { type: "string" },
  positives: { type: "string" },
  epochs: { type: "string" },
  seed: { type: "string" },
  out: { type: "string" },
  "background-minutes": { type: "string" },
  "negative-minutes": { type: "string" },
  "compare-scratch": { type: "boolean" },
  "no-compare-scratch": { type: "boolean" },
  start: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

function trainingFlags(values: Record<string, string | boolean | undefined>): TrainingFlags {
  const text = (key: string) => values[key] as string | undefined;
  if (values["compare-scratch"] && values["no-compare-scratch"]) {
    throw new CliUsageError("give --compare-scratch or --no-compare-scratch, not both");
  }
  const numbers = {
    synth: wholeNumber(text("synth"), "--synth", 0),
    epochs: wholeNumber(text("epochs"), "--epochs", 1),
    seed: wholeNumber(text("seed"), "--seed", 0),
    backgroundMinutes: wholeNumber(text("background-minutes"), "--background-minutes", 0),
    negativeMinutes: wholeNumber(text("negative-minutes"), "--negative-minutes", 1),
  };
  const scratch = values["compare-scratch"]
    ? true
    : values["no-compare-scratch"]
      ? false
      : undefined;
  const flags: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(numbers)) if (value !== undefined) flags[key] = value;
  for (const key of ["word", "positives", "out"] as const) {
    const value = text(key);
    if (value !== undefined) flags[key] = value;
  }
  if (scratch !== undefined) flags["compareScratch"] = scratch;
  return flags as TrainingFlags;
}

export function parseCliArgs(argv: readonly string[]): CliArgs {
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: true });
  } catch (error) {
    throw new CliUsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) throw new CliUsageError(`unexpected argument "${positionals[1]}"`);
  const screen = positionals[0] ?? "overview";
  if (!isScreenId(screen)) {
    throw new CliUsageError(`SCREEN must be one of ${SCREEN_IDS.join(", ")}, got "${screen}"`);
  }
  const backend = values["backend"] as string | undefined;
  if (backend !== undefined && !isNodeBackendChoice(backend)) {
    throw new CliUsageError(
      `--backend must be one of ${BACKEND_CHOICES.join(", ")}, got "${backend}"`,
    );
  }
  const text = (key: string) => values[key] as string | undefined;
  return {
    screen,
    help: values["help"] === true,
    backend,
    dataDir: text("data-dir"),
    queue: text("queue"),
    model: text("model"),
    file: text("file"),
    mic: values["mic"] === true,
    training: trainingFlags(values),
    start: values["start"] === true,
  };
}
