// POST /api/projects/:id/models: a model directory the page trained, one multipart `file` field
// per file, each named as in the directory. Nothing in it is trusted: the names are an
// allow-list, the manifest must be a wakeforge head for this project's phrase with a threshold,
// the weights must be the size model.json declares, and the list's numbers come from the
// training record (metrics.json), checked field by field.
import type { ModelManifest } from "@wakeforge/core";
import { loadCore } from "../core";
import type { ModelSummary, NewModel } from "../store";
import { verdictKind, TRAINING_RECORD_FILE } from "../training/training-record";
import { formFiles, readMultipartForm } from "../uploads/read-upload-form";
import { ModelUploadError } from "./model-upload-error";

/** Files a model directory may hold; the first four must be there. */
export const REQUIRED_MODEL_FILES = [
  "model.json",
  "weights.bin",
  "wakeforge.json",
  TRAINING_RECORD_FILE,
] as const;
export const OPTIONAL_MODEL_FILES = ["head.onnx", "learning-curves.svg"] as const;
const ALLOWED = new Set<string>([...REQUIRED_MODEL_FILES, ...OPTIONAL_MODEL_FILES]);

/** A head is a few hundred kilobytes; this leaves room for far larger ones. */
export const MAX_MODEL_UPLOAD_BYTES = 64 * 1024 * 1024;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function parseJson(name: string, bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw new ModelUploadError(`${name} is not valid JSON (${(error as Error).message})`);
  }
}

/** Reads a field of the training record, refusing anything of the wrong kind by its path. */
function recordField<T>(record: Json, path: string, check: (v: unknown) => v is T): T {
  let value: unknown = record;
  for (const key of path.split(".")) value = isObject(value) ? value[key] : undefined;
  if (!check(value)) {
    throw new ModelUploadError(`${TRAINING_RECORD_FILE}: ${path} is missing or malformed`);
  }
  return value;
}

const isString = (v: unknown): v is string => typeof v === "string" && v.length <= 200;
const isFraction = (v: unknown): v is number => typeof v === "number" && v >= 0 && v <= 1;
const isSeconds = (v: unknown): v is number => typeof v === "number" && v >= 0 && v < 1e7;
const isEpochs = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 1;
const isCurve = (v: unknown): v is { recallAtFar: number }[] =>
  Array.isArray(v) && v.length > 0 && v.every((m) => isObject(m) && isFraction(m.recallAtFar));

/** What the model list shows, from the manifest and the training record. */
export function summarizeModel(manifest: ModelManifest, record: Json): ModelSummary {
  recordField(record, "curves.transfer", isCurve);
  const scratch = isObject(record.curves) ? record.curves.scratch : undefined;
  if (scratch !== undefined && !isCurve(scratch)) {
    throw new ModelUploadError(`${TRAINING_RECORD_FILE}: curves.scratch is malformed`);
  }
  const verdict = record.verdict;
  if (
    verdict !== undefined &&
    !(
      isObject(verdict) &&
      typeof verdict.transferPaidOff === "boolean" &&
      typeof verdict.negativeTransfer === "boolean" &&
      typeof verdict.summary === "string"
    )
  ) {
    throw new ModelUploadError(`${TRAINING_RECORD_FILE}: verdict is malformed`);
  }
  const checkedVerdict = verdict as
    { transferPaidOff: boolean; negativeTransfer: boolean; summary: string } | undefined;
  return {
    trainedIn: recordField(record, "trainedIn", isString),
    backend: recordField(record, "backend", isString),
    base: recordField(record, "base", isString),
    epochs: recordField(record, "epochs", isEpochs),
    comparedScratch: scratch !== undefined,
    threshold: manifest.threshold as number,
    falseAcceptRate: recordField(record, "calibration.falseAcceptRate", isFraction),
    recallAtFar: recordField(record, "calibration.recallAtFar", isFraction),
    scratchRecallAtFar: scratch?.at(-1)?.recallAtFar ?? null,
    verdict: checkedVerdict ? verdictKind(checkedVerdict) : null,
    verdictSummary: checkedVerdict?.summary ?? null,
    trainingSeconds: recordField(record, "seconds.total", isSeconds),
  };
}

/** The weights must be exactly what model.json declares (a truncated upload is refused). */
function checkWeights(modelJson: unknown, weights: Uint8Array): void {
  const groups = isObject(modelJson) ? modelJson.weightsManifest : undefined;
  if (!isObject(modelJson) || !isObject(modelJson.modelTopology) || !Array.isArray(groups)) {
    throw new ModelUploadError(
      "model.json is not a tfjs layers model (no modelTopology or weightsManifest)",
    );
  }
  let expected = 0;
  for (const group of groups) {
    const specs = isObject(group) && Array.isArray(group.weights) ? group.weights : [];
    for (const spec of specs) {
      const shape = isObject(spec) && Array.isArray(spec.shape) ? spec.shape : undefined;
      if (!shape || !shape.every((d) => Number.isInteger(d) && d >= 0)) {
        throw new ModelUploadError("model.json declares a weight without a valid shape");
      }
      const bytesPer = spec.dtype === "float32" || spec.dtype === "int32" ? 4 : 1;
      expected += bytesPer * shape.reduce((n: number, d: number) => n * d, 1);
    }
  }
  if (weights.length !== expected) {
    throw new ModelUploadError(
      `weights.bin holds ${weights.length} bytes but model.json declares ${expected} (truncated or from another model)`,
    );
  }
}

/** The checked model directory of an upload for the project with `phrase`. */
export async function readModelUpload(request: Request, phrase: string): Promise<NewModel> {
  const form = await readMultipartForm(request, MAX_MODEL_UPLOAD_BYTES);
  const files: Record<string, Uint8Array> = {};
  for (const file of formFiles(form)) {
    if (!ALLOWED.has(file.name)) {
      throw new ModelUploadError(
        `${JSON.stringify(file.name)} does not belong in a model directory (allowed: ${[...ALLOWED].join(", ")})`,
      );
    }
    if (files[file.name]) throw new ModelUploadError(`${file.name} was sent twice`);
    files[file.name] = new Uint8Array(await file.arrayBuffer());
  }
  const missing = REQUIRED_MODEL_FILES.filter((name) => !files[name]);
  if (missing.length > 0) throw new ModelUploadError(`the model lacks ${missing.join(", ")}`);
  const get = (name: string) => files[name] as Uint8Array;

  const { parseModelManifest } = await loadCore();
  let manifest: ModelManifest;
  try {
    manifest = parseModelManifest(
      parseJson("wakeforge.json", get("wakeforge.json")),
      "wakeforge.json",
    );
  } catch (error) {
    if (error instanceof ModelUploadError) throw error;
    throw new ModelUploadError((error as Error).message);
  }
  if (manifest.kind !== "head") {
    throw new ModelUploadError(
      `wakeforge.json: kind is "${manifest.kind}"; the dashboard keeps heads`,
    );
  }
  if (manifest.phrase !== phrase) {
    throw new ModelUploadError(
      `wakeforge.json: the model detects ${JSON.stringify(manifest.phrase)}, not this project's ${JSON.stringify(phrase)}`,
    );
  }
  if (manifest.threshold === undefined) {
    throw new ModelUploadError("wakeforge.json: the model has no calibrated threshold");
  }
  checkWeights(parseJson("model.json", get("model.json")), get("weights.bin"));
  const record = parseJson(TRAINING_RECORD_FILE, get(TRAINING_RECORD_FILE));
  if (!isObject(record)) throw new ModelUploadError(`${TRAINING_RECORD_FILE} is not a JSON object`);
  return { files, summary: summarizeModel(manifest, record) };
}
