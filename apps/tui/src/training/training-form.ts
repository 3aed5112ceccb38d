// The Train screen's form: its fields and the settings they hold.
import { JobSpecError, type TrainJobSpec } from "@wakeforge/jobs";
import { join } from "node:path";
import type { FieldSpec, FormValues } from "../form/form-state.js";
import { defaultModelDir, trainSpecFor, type TrainingSettings } from "./training-settings.js";

type NumberKey = "synth" | "epochs" | "backgroundMinutes" | "negativeMinutes" | "seed";

const NUMBER_KEYS: readonly NumberKey[] = [
  "synth",
  "epochs",
  "backgroundMinutes",
  "negativeMinutes",
  "seed",
];

export function trainingFields(dataDir: string, word: string): FieldSpec[] {
  return [
    { key: "word", label: "phrase", kind: "text", placeholder: 'type a phrase, e.g. "hey nova"' },
    { key: "synth", label: "synthetic clips", kind: "number" },
    {
      key: "positives",
      label: "your recordings",
      kind: "text",
      placeholder: "(none: a folder of clips)",
    },
    { key: "epochs", label: "epochs", kind: "number" },
    { key: "backgroundMinutes", label: "background minutes", kind: "number" },
    { key: "negativeMinutes", label: "negative minutes", kind: "number" },
    { key: "compareScratch", label: "compare with scratch", kind: "toggle" },
    { key: "seed", label: "seed", kind: "number" },
    {
      key: "out",
      label: "model directory",
      kind: "text",
      placeholder: word.trim()
        ? defaultModelDir(dataDir, word)
        : join(dataDir, "models", "<phrase>"),
    },
  ];
}

export function formValuesOf(settings: TrainingSettings): FormValues {
  const values: Record<string, string | boolean> = {
    word: settings.word,
    positives: settings.positives,
    out: settings.out,
    compareScratch: settings.compareScratch,
  };
  for (const key of NUMBER_KEYS) values[key] = String(settings[key]);
  return values;
}

export type SpecResult = { readonly spec: TrainJobSpec } | { readonly problem: string };

/** The form's values as a checked job spec, or what is wrong with them (the first problem). */
export function specFromForm(
  values: FormValues,
  fields: readonly FieldSpec[],
  dataDir: string,
): SpecResult {
  const text = (key: string) => (typeof values[key] === "string" ? (values[key] as string) : "");
  const numbers: Partial<Record<NumberKey, number>> = {};
  for (const key of NUMBER_KEYS) {
    const raw = text(key).trim();
    const label = fields.find((f) => f.key === key)?.label ?? key;
    if (!/^\d+$/.test(raw)) return { problem: `${label}: a whole number is needed` };
    numbers[key] = Number(raw);
  }
  const settings: TrainingSettings = {
    word: text("word"),
    positives: text("positives"),
    out: text("out"),
    compareScratch: values["compareScratch"] === true,
    synth: numbers.synth ?? 0,
    epochs: numbers.epochs ?? 0,
    backgroundMinutes: numbers.backgroundMinutes ?? 0,
    negativeMinutes: numbers.negativeMinutes ?? 0,
    seed: numbers.seed ?? 0,
  };
  try {
    return { spec: trainSpecFor(settings, dataDir) };
  } catch (error) {
    if (!(error instanceof JobSpecError)) throw error;
    const issue = error.issues[0];
    const label = fields.find((f) => f.key === issue?.path)?.label ?? issue?.path ?? "settings";
    return { problem: `${label}: ${issue?.message ?? error.message}` };
  }
}
