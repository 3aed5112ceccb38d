// A finished train job's model folder (as `wakeforge train --out` writes it) turned into a model
// of the project: the files the dashboard keeps for every model, and the numbers its model list
// shows, read from the worker's training record. Nothing is taken on trust: the manifest must
// be a head for this project's phrase with a threshold, and the record must hold the curves.
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import type { ModelManifest } from "@wakeforge/core";
import type { QueuedJobRecord } from "@wakeforge/jobs";
import { loadCore } from "../core";
import { OPTIONAL_MODEL_FILES, REQUIRED_MODEL_FILES } from "../models/read-model-upload";
import type { ModelSummary, NewModel } from "../store";
import type { WorkerTrainingSettings } from "../store/types";
import { CLIP_FALSE_ACCEPT_RATE } from "../training/training-protocol";
import { TRAINING_RECORD_FILE, verdictKind } from "../training/training-record";
import { JobsError } from "./jobs-error";

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const isFraction = (v: unknown): v is number => typeof v === "number" && v >= 0 && v <= 1;

function invalid(message: string): JobsError {
  return new JobsError("WORKER_MODEL_INVALID", `the worker's model ${message}`);
}

/** The last epoch's held-out recall of a curve in the record, or why it is unusable. */
function lastRecall(curve: unknown, name: string): number {
  const last: unknown = Array.isArray(curve) ? curve.at(-1) : undefined;
  const recall = isObject(last) ? last.recallAtFar : undefined;
  if (!isFraction(recall)) {
    throw invalid(`has no ${name} curve with held-out recall in ${TRAINING_RECORD_FILE}`);
  }
  return recall;
}

/** The model list's numbers for a model trained by `record`'s worker. */
export function summarizeWorkerRecord(
  trainingRecord: unknown,
  threshold: number,
  job: Pick<QueuedJobRecord, "worker" | "backend">,
  settings: WorkerTrainingSettings,
): ModelSummary {
  if (!isObject(trainingRecord) || !isObject(trainingRecord.curves)) {
    throw invalid(`has no curves in ${TRAINING_RECORD_FILE}`);
  }
  const { curves, verdict, seconds } = trainingRecord;
  const scratch = curves.scratch;
  const checkedVerdict =
    isObject(verdict) &&
    typeof verdict.transferPaidOff === "boolean" &&
    typeof verdict.negativeTransfer === "boolean" &&
    typeof verdict.summary === "string"
      ? {
          transferPaidOff: verdict.transferPaidOff,
          negativeTransfer: verdict.negativeTransfer,
          summary: verdict.summary,
        }
      : undefined;
  const total = isObject(seconds) ? seconds.total : undefined;
  if (typeof total !== "number" || !(total >= 0)) {
    throw invalid(`has no training time in ${TRAINING_RECORD_FILE}`);
  }
  const backend =
    job.backend ??
    (typeof trainingRecord.backend === "string" ? trainingRecord.backend : "unknown");
  return {
    trainedIn: `worker ${job.worker ?? "unknown"}`,
    backend,
    base: settings.base,
    epochs: settings.epochs,
    comparedScratch: scratch !== undefined,
    threshold,
    // The worker measures each epoch's held-out recall at core's clip false-accept rate, the
    // same one the in-browser training reports.
    falseAcceptRate: CLIP_FALSE_ACCEPT_RATE,
    recallAtFar: lastRecall(curves.transfer, "transfer"),
    scratchRecallAtFar: scratch === undefined ? null : lastRecall(scratch, "scratch"),
    verdict: checkedVerdict ? verdictKind(checkedVerdict) : null,
    verdictSummary: checkedVerdict?.summary ?? null,
    trainingSeconds: total,
  };
}

async function readJson(dir: string, name: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(join(dir, name), "utf8"));
  } catch (error) {
    throw invalid(`file ${name} cannot be read as JSON (${(error as Error).message})`);
  }
}

/** The model folder `dir` the job wrote, as a model for the project with `phrase`. */
export async function readWorkerModel(
  dir: string,
  phrase: string,
  job: Pick<QueuedJobRecord, "worker" | "backend">,
  settings: WorkerTrainingSettings,
): Promise<NewModel> {
  const present = new Set(await readdir(dir).catch(() => [] as string[]));
  const missing = REQUIRED_MODEL_FILES.filter((name) => !present.has(name));
  if (missing.length > 0) throw invalid(`folder ${dir} lacks ${missing.join(", ")}`);
  const { parseModelManifest } = await loadCore();
  let manifest: ModelManifest;
  try {
    manifest = parseModelManifest(await readJson(dir, "wakeforge.json"), "wakeforge.json");
  } catch (error) {
    if (error instanceof JobsError) throw error;
    throw invalid(`manifest is malformed: ${(error as Error).message}`);
  }
  if (manifest.kind !== "head" || manifest.phrase !== phrase) {
    throw invalid(
      `is a ${manifest.kind} for ${JSON.stringify(manifest.phrase)}, not a head for ${JSON.stringify(phrase)}`,
    );
  }
  if (manifest.threshold === undefined) throw invalid("has no calibrated threshold");
  const summary = summarizeWorkerRecord(
    await readJson(dir, TRAINING_RECORD_FILE),
    manifest.threshold,
    job,
    settings,
  );
  const files: Record<string, Uint8Array> = {};
  for (const name of [...REQUIRED_MODEL_FILES, ...OPTIONAL_MODEL_FILES]) {
    if (present.has(name)) files[name] = new Uint8Array(await readFile(join(dir, name)));
  }
  return { files, summary };
}
