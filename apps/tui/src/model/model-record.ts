// A model directory as the screens show it: the manifest (wakeforge.json) and, when training
// wrote one, the training record (metrics.json): learning curves, verdict, evaluation.
import { readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import {
  MODEL_MANIFEST_FILE,
  parseModelManifest,
  type DetPoint,
  type ModelManifest,
} from "@wakeforge/core";
import { TRAINING_RUNS, type TrainingRun } from "@wakeforge/jobs";
import type { EpochPoint, RunCurves } from "../chart/learning-chart.js";
import {
  asArray,
  asNumber,
  asObject,
  asOptionalNumber,
  asString,
  type JsonObject,
} from "./json-fields.js";

export interface Recall {
  readonly detected: number;
  readonly total: number;
  readonly recall: number;
}

export interface FalseAccepts {
  readonly falseAccepts: number;
  readonly hours: number;
  readonly perHour: number;
}

/** The parts of core's EvaluationResult that the Evaluate screen shows. */
export interface EvaluationRecord {
  readonly threshold: number;
  readonly thresholdSource: string | undefined;
  /** The files that set the threshold. */
  readonly thresholdSetBy: readonly string[];
  readonly targetFalseAcceptsPerHour: number | undefined;
  readonly recall: Recall;
  readonly recallBySource: Readonly<Record<string, Recall>>;
  readonly falseAccepts: FalseAccepts;
  readonly falseAcceptsByKind: Readonly<Record<string, FalseAccepts>>;
  readonly confusable: Recall | undefined;
  readonly latency:
    | { readonly count: number; readonly p50Seconds: number; readonly p90Seconds: number }
    | undefined;
  readonly det: readonly DetPoint[];
}

export interface ModelRecord {
  readonly dir: string;
  readonly name: string;
  readonly manifest: ModelManifest;
  /** Per-epoch curves of each run, when the model was trained by wakeforge. */
  readonly curves: RunCurves | undefined;
  /** The trainer's verdict on transfer vs. scratch, one line per point. */
  readonly verdict:
    | {
        readonly summary: string;
        readonly negativeTransfer: boolean;
        readonly warning: string | undefined;
      }
    | undefined;
  readonly evaluation: EvaluationRecord | undefined;
  readonly trainingSeconds: number | undefined;
}

/** The model directory cannot be read as one. */
export class ModelRecordError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ModelRecordError";
  }
}

function recallOf(value: unknown): Recall | undefined {
  const o = asObject(value);
  if (!o) return undefined;
  return {
    detected: asNumber(o["detected"]),
    total: asNumber(o["total"]),
    recall: asNumber(o["recall"]),
  };
}

function falseAcceptsOf(value: unknown): FalseAccepts | undefined {
  const o = asObject(value);
  if (!o) return undefined;
  return {
    falseAccepts: asNumber(o["falseAccepts"]),
    hours: asNumber(o["hours"]),
    perHour: asNumber(o["perHour"]),
  };
}

function mapValues<T>(value: unknown, read: (v: unknown) => T | undefined): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [key, v] of Object.entries(asObject(value) ?? {})) {
    const read1 = read(v);
    if (read1) out[key] = read1;
  }
  return out;
}

function detOf(value: unknown): DetPoint[] {
  return asArray(value).flatMap((item) => {
    const o = asObject(item);
    return o
      ? [
          {
            threshold: asNumber(o["threshold"]),
            falseRejectRate: asNumber(o["falseRejectRate"]),
            falseAcceptsPerHour: asNumber(o["falseAcceptsPerHour"]),
          },
        ]
      : [];
  });
}

export function evaluationOf(value: unknown): EvaluationRecord | undefined {
  const o = asObject(value);
  const recall = asObject(o?.["recall"]);
  const falseAccepts = asObject(o?.["falseAccepts"]);
  const overallRecall = recallOf(recall?.["overall"]);
  const overallFa = falseAcceptsOf(falseAccepts?.["overall"]);
  if (!o || !overallRecall || !overallFa) return undefined;
  const latency = asObject(o["latency"]);
  return {
    threshold: asNumber(o["threshold"]),
    thresholdSource: asString(o["thresholdSource"]),
    thresholdSetBy: asArray(o["thresholdSetBy"]).filter((s): s is string => typeof s === "string"),
    targetFalseAcceptsPerHour: asOptionalNumber(o["targetFalseAcceptsPerHour"]),
    recall: overallRecall,
    recallBySource: mapValues(recall?.["bySource"], recallOf),
    falseAccepts: overallFa,
    falseAcceptsByKind: mapValues(falseAccepts?.["byKind"], falseAcceptsOf),
    confusable: recallOf(o["confusableFalseAcceptRate"]),
    latency: latency
      ? {
          count: asNumber(latency["count"]),
          p50Seconds: asNumber(latency["p50Seconds"]),
          p90Seconds: asNumber(latency["p90Seconds"]),
        }
      : undefined,
    det: detOf(o["det"]),
  };
}

function epochPointOf(value: unknown): EpochPoint[] {
  const o = asObject(value);
  const epoch = asNumber(o?.["epoch"]);
  if (!o || !Number.isInteger(epoch)) return [];
  return [
    {
      epoch,
      loss: asNumber(o["loss"]),
      accuracy: asNumber(o["accuracy"]),
      recallAtFar: asOptionalNumber(o["recallAtFar"]),
      valLoss: asOptionalNumber(o["valLoss"]),
    },
  ];
}

export function curvesOf(value: unknown): RunCurves | undefined {
  const o = asObject(value);
  if (!o) return undefined;
  const curves: Partial<Record<TrainingRun, EpochPoint[]>> = {};
  for (const run of TRAINING_RUNS) {
    const points = asArray(o[run]).flatMap(epochPointOf);
    if (points.length > 0) curves[run] = points;
  }
  return curves;
}

function verdictOf(value: unknown): ModelRecord["verdict"] {
  const o = asObject(value);
  const summary = asString(o?.["summary"]);
  if (!o || summary === undefined) return undefined;
  return {
    summary,
    negativeTransfer: o["negativeTransfer"] === true,
    warning: asString(o["warning"]),
  };
}

async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, "utf8")) as unknown;
}

/** Reads a model directory; throws ModelRecordError when it has no readable manifest. */
export async function readModelRecord(
  dir: string,
  name: string = basename(dir),
): Promise<ModelRecord> {
  const manifestPath = join(dir, MODEL_MANIFEST_FILE);
  let manifest: ModelManifest;
  try {
    manifest = parseModelManifest(await readJson(manifestPath), manifestPath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ModelRecordError(
      code === "ENOENT"
        ? `${dir} is not a model directory (no ${MODEL_MANIFEST_FILE})`
        : (error as Error).message,
    );
  }
  let record: JsonObject | undefined;
  try {
    record = asObject(await readJson(join(dir, "metrics.json")));
  } catch {
    record = undefined; // imported heads and exports have no training record
  }
  return {
    dir,
    name,
    manifest,
    curves: curvesOf(record?.["curves"]),
    verdict: verdictOf(record?.["verdict"]),
    evaluation: evaluationOf(record?.["evaluation"]),
    trainingSeconds: asOptionalNumber(asObject(record?.["seconds"])?.["total"]),
  };
}
