// The part of a model's training record (metrics.json) an evaluation needs: which voices it
// trained on, and what set its threshold. Read with checks that name the file, so an old or
// hand-edited record fails with a reason instead of a wrong evaluation.
import { readFile } from "node:fs/promises";
import { TRAINING_RECORD_FILE } from "../training/training-record";
import { EvaluationError } from "./evaluation-error";

export interface TrainingSplit {
  /** Voices (speaker ids) the model trained on. */
  readonly trainVoices: ReadonlySet<string>;
  /** What set the saved threshold, in words, e.g. "held-out negative clips (…)". */
  readonly thresholdFrom: string;
  /** The clip false-accept rate the saved threshold was set at, 0…1. */
  readonly clipFalseAcceptRate: number | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Parses metrics.json's text; `path` names it in errors. */
export function parseTrainingSplit(text: string, path: string): TrainingSplit {
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch (error) {
    throw new EvaluationError(
      "MODEL_FILE_CORRUPT",
      `${path}: is not valid JSON (${(error as Error).message})`,
      { file: TRAINING_RECORD_FILE, cause: error },
    );
  }
  const split = isRecord(record) ? record.split : undefined;
  const voices = isRecord(split) ? split.trainSpeakers : undefined;
  if (!Array.isArray(voices) || !voices.every((v) => typeof v === "string")) {
    throw new EvaluationError(
      "MODEL_FILE_CORRUPT",
      `${path}: split.trainSpeakers must list the voices the model trained on (strings)`,
      { file: TRAINING_RECORD_FILE },
    );
  }
  const calibration = isRecord(record) && isRecord(record.calibration) ? record.calibration : {};
  return {
    trainVoices: new Set(voices as string[]),
    thresholdFrom:
      typeof calibration.thresholdFrom === "string"
        ? calibration.thresholdFrom
        : "the training run (its record does not say which clips)",
    clipFalseAcceptRate:
      typeof calibration.falseAcceptRate === "number" ? calibration.falseAcceptRate : null,
  };
}

/** Reads and parses the record at `path`. */
export async function readTrainingSplit(path: string): Promise<TrainingSplit> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    throw new EvaluationError(
      missing ? "MODEL_FILE_MISSING" : "MODEL_FILE_CORRUPT",
      `${path}: ${missing ? "file not found" : `cannot be read (${(error as Error).message})`}`,
      { file: TRAINING_RECORD_FILE, cause: error },
    );
  }
  return parseTrainingSplit(text, path);
}
