// The Overview's tables as rows of cells, shared by the screen and the plain line output.
import { formatPercent, formatRate } from "../format.js";
import type { ModelRecord } from "./model-record.js";
import type { WorkFolder } from "./read-data-dir.js";

export const MODEL_HEADER = ["MODEL", "PHRASE", "THRESHOLD", "RECALL", "FA/H", "TRAINED"] as const;

export function modelRow(model: ModelRecord): string[] {
  const evaluation = model.evaluation;
  const threshold = model.manifest.threshold;
  return [
    model.name,
    model.manifest.phrase ? `"${model.manifest.phrase}"` : "-",
    threshold === undefined ? "-" : threshold.toFixed(3),
    evaluation ? formatPercent(evaluation.recall.recall) : "-",
    evaluation ? formatRate(evaluation.falseAccepts.perHour) : "-",
    model.manifest.createdAt.replace("T", " ").slice(0, 16),
  ];
}

export const WORK_HEADER = [
  "WORK FOLDER",
  "PHRASE",
  "SYNTHETIC",
  "BACKGROUND",
  "NEGATIVE AUDIO",
  "CACHE",
] as const;

const minutes = (m: number) => (m > 0 ? `${m.toFixed(1)} min` : "-");

export function workRow(folder: WorkFolder): string[] {
  const s = folder.synthetic;
  return [
    folder.slug,
    folder.phrase ? `"${folder.phrase}"` : "-",
    s ? `${s.positives}+${s.negatives} clips, ${s.voices} voices` : "-",
    minutes(folder.backgroundMinutes),
    minutes(folder.negativeMinutes),
    folder.embeddingCache ? "embeddings" : "-",
  ];
}
