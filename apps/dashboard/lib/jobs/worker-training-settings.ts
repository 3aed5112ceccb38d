// The settings a training on a worker takes from the Train tab, checked field by field, with the
// train job's own defaults (TRAIN_DEFAULTS) where the request leaves a field out. Pure: the page
// uses the limits and defaults, the server the check.
import { TRAIN_DEFAULTS } from "@wakeforge/jobs";
import type { WorkerTrainingSettings } from "../store/types";
import { SETTING_LIMITS, TRAINING_BASES } from "../training/training-protocol";

export const WORKER_SETTING_LIMITS = {
  epochs: SETTING_LIMITS.epochs,
  seed: SETTING_LIMITS.seed,
  negativeMinutes: { min: 1, max: 240 },
  backgroundMinutes: { min: 0, max: 240 },
} as const;

export const DEFAULT_WORKER_SETTINGS: WorkerTrainingSettings = {
  base: TRAIN_DEFAULTS.base,
  epochs: TRAIN_DEFAULTS.epochs,
  compareScratch: true,
  seed: TRAIN_DEFAULTS.seed,
  negativeMinutes: TRAIN_DEFAULTS.negativeMinutes,
  backgroundMinutes: TRAIN_DEFAULTS.backgroundMinutes,
};

/** A request that does not describe a training; `problems` has one sentence per bad field. */
export class WorkerSettingsError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`the training settings are not usable: ${problems.join("; ")}`);
    this.name = "WorkerSettingsError";
    this.problems = problems;
  }
}

type WholeField = keyof typeof WORKER_SETTING_LIMITS;

/** The settings in `body`, defaults for what it leaves out; WorkerSettingsError otherwise. */
export function parseWorkerSettings(
  body: Readonly<Record<string, unknown>>,
): WorkerTrainingSettings {
  const problems: string[] = [];
  const known = new Set(Object.keys(DEFAULT_WORKER_SETTINGS));
  for (const key of Object.keys(body)) {
    if (!known.has(key)) problems.push(`${key} is not a setting (${[...known].join(", ")})`);
  }
  const whole = (key: WholeField): number => {
    const raw = body[key];
    if (raw === undefined) return DEFAULT_WORKER_SETTINGS[key];
    const { min, max } = WORKER_SETTING_LIMITS[key];
    if (typeof raw !== "number" || !Number.isInteger(raw) || raw < min || raw > max) {
      problems.push(
        `${key} must be a whole number from ${min} to ${max}, got ${JSON.stringify(raw)}`,
      );
      return DEFAULT_WORKER_SETTINGS[key];
    }
    return raw;
  };
  const base = body.base ?? DEFAULT_WORKER_SETTINGS.base;
  if (!TRAINING_BASES.some((b) => b.id === base)) {
    problems.push(
      `base must be one of ${TRAINING_BASES.map((b) => b.id).join(", ")}, got ${JSON.stringify(base)}`,
    );
  }
  const compareScratch = body.compareScratch ?? DEFAULT_WORKER_SETTINGS.compareScratch;
  if (typeof compareScratch !== "boolean") {
    problems.push(`compareScratch must be true or false, got ${JSON.stringify(compareScratch)}`);
  }
  const settings: WorkerTrainingSettings = {
    base: String(base),
    epochs: whole("epochs"),
    compareScratch: compareScratch === true,
    seed: whole("seed"),
    negativeMinutes: whole("negativeMinutes"),
    backgroundMinutes: whole("backgroundMinutes"),
  };
  if (problems.length > 0) throw new WorkerSettingsError(problems);
  return settings;
}
