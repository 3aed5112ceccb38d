// What the Train screen trains: the fields of a `train` job spec a person sets by hand. The spec
// itself is checked by @wakeforge/jobs, so the screen refuses exactly what a worker would.
import { join, resolve } from "node:path";
import { TRAIN_DEFAULTS, parseJobSpec, type TrainJobSpec } from "@wakeforge/jobs";
import { phraseSlug } from "./phrase-slug.js";

export interface TrainingSettings {
  readonly word: string;
  /** Synthetic positives (and as many negatives) to make. */
  readonly synth: number;
  /** A folder of the person's own recordings of the phrase; "" for none. */
  readonly positives: string;
  readonly epochs: number;
  readonly backgroundMinutes: number;
  readonly negativeMinutes: number;
  readonly compareScratch: boolean;
  readonly seed: number;
  /** The model directory; "" for `<data dir>/models/<phrase>`. */
  readonly out: string;
}

/**
 * `wakeforge train`'s defaults, except two a screen built to show the learning curves needs:
 * some synthetic speech to train on (the command has no default source of positives), and the
 * from-scratch run to compare with.
 */
export const DEFAULT_TRAINING_SETTINGS: TrainingSettings = {
  word: "",
  synth: 100,
  positives: "",
  epochs: TRAIN_DEFAULTS.epochs,
  backgroundMinutes: TRAIN_DEFAULTS.backgroundMinutes,
  negativeMinutes: TRAIN_DEFAULTS.negativeMinutes,
  compareScratch: true,
  seed: TRAIN_DEFAULTS.seed,
  out: "",
};

/** Where a model goes when the settings name no directory. */
export function defaultModelDir(dataDir: string, word: string): string {
  return join(dataDir, "models", phraseSlug(word));
}

/** The job spec of these settings, checked; throws `JobSpecError` naming every problem. */
export function trainSpecFor(settings: TrainingSettings, dataDir: string): TrainJobSpec {
  const word = settings.word.trim();
  const out = settings.out.trim();
  const positives = settings.positives.trim();
  const spec = parseJobSpec({
    kind: "train",
    word,
    synth: settings.synth,
    ...(positives ? { positives: resolve(positives) } : {}),
    epochs: settings.epochs,
    backgroundMinutes: settings.backgroundMinutes,
    negativeMinutes: settings.negativeMinutes,
    compareScratch: settings.compareScratch,
    seed: settings.seed,
    out: out ? resolve(out) : defaultModelDir(dataDir, word),
  });
  if (spec.kind !== "train") throw new Error(`expected a train spec, got ${spec.kind}`);
  return spec;
}
