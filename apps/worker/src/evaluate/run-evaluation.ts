// Measuring a model directory on held-out audio: what `wakeforge eval` does and what a worker does
// for an `eval` job. The caller starts the tfjs backend.
import { readFile, readdir } from "node:fs/promises";
import { basename, join } from "node:path";
import {
  evaluateDetector,
  loadDetectorDirectory,
  type EvaluationProgress,
  type EvaluationResult,
  type NegativeKind,
} from "@wakeforge/core";
import { loadKindFolder } from "../train/folder-dataset.js";
import { UsageError } from "../usage-error.js";

export interface RunEvaluationOptions {
  readonly model: string;
  /** Clips of the phrase (any audio format), or a data set root with a manifest. */
  readonly positives: string;
  /** Long negative audio files; a name with "music" or "noise" in it is counted as such. */
  readonly negatives: string;
  /** Only positives by voices the model never trained on (its metrics.json names them). */
  readonly heldOut?: boolean;
  /** Default: the model's calibrated threshold. */
  readonly threshold?: number;
  /** Instead of a threshold: the one giving at most this many false accepts per hour. */
  readonly targetFalseAcceptsPerHour?: number;
}

export interface RunEvaluationHooks {
  readonly onProgress?: (progress: EvaluationProgress) => void;
  /** A positive file that could not be read and was left out. */
  readonly onSkipped?: (message: string) => void;
  readonly signal?: AbortSignal;
}

/** What `wakeforge eval --json` prints and an eval job writes to evaluation.json. */
export interface EvaluationSummary {
  readonly model: string;
  readonly threshold: number;
  readonly voices: number;
  readonly recall: EvaluationResult["recall"]["overall"];
  readonly recallBySource: EvaluationResult["recall"]["bySource"];
  readonly falseAccepts: EvaluationResult["falseAccepts"];
  readonly latency: EvaluationResult["latency"];
  readonly det: EvaluationResult["det"];
}

export interface EvaluationOutcome {
  readonly summary: EvaluationSummary;
  readonly evaluation: EvaluationResult;
  /** The model's phrase, for the report's title. */
  readonly phrase: string;
}

const AUDIO_FILE = /\.(wav|mp3|flac|ogg|opus|webm)$/i;

/** Voices the model was evaluated on but never trained on, from its training record. */
async function heldOutSpeakers(modelDir: string): Promise<Set<string>> {
  const path = join(modelDir, "metrics.json");
  let record: unknown;
  try {
    record = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    throw new UsageError(
      `--held-out needs the training record ${path}: ${(error as Error).message}`,
    );
  }
  const speakers = (record as { split?: { testSpeakers?: unknown } }).split?.testSpeakers;
  if (!Array.isArray(speakers) || speakers.length === 0) {
    throw new UsageError(`--held-out: ${path} names no held-out voices (split.testSpeakers)`);
  }
  return new Set(speakers.map(String));
}

function kindOf(file: string): NegativeKind {
  const name = basename(file).toLowerCase();
  if (name.includes("music")) return "music";
  if (name.includes("noise")) return "noise";
  return "speech";
}

export async function runEvaluation(
  options: RunEvaluationOptions,
  hooks: RunEvaluationHooks = {},
): Promise<EvaluationOutcome> {
  const loaded = await loadDetectorDirectory(options.model);
  const head = loaded.head(options.threshold === undefined ? {} : { threshold: options.threshold });
  const positives = await loadKindFolder(options.positives, "positive");
  for (const error of positives.errors) hooks.onSkipped?.(error.message);
  let positiveClips = positives.positives;
  if (options.heldOut) {
    const heldOut = await heldOutSpeakers(options.model);
    positiveClips = positiveClips.filter((clip) => heldOut.has(clip.speakerId));
    if (positiveClips.length === 0) {
      throw new UsageError(
        `--held-out: none of the ${positives.positives.length} positives in ${options.positives} is by a voice held out from training`,
      );
    }
  }
  if (positiveClips.length === 0) throw new UsageError(`${options.positives}: no positives`);
  const negativeFiles = (await readdir(options.negatives))
    .filter((name) => AUDIO_FILE.test(name))
    .sort()
    .map((name) => join(options.negatives, name));
  if (negativeFiles.length === 0) throw new UsageError(`${options.negatives}: no audio files`);

  const target = options.targetFalseAcceptsPerHour;
  const evaluation = await evaluateDetector({
    embedder: loaded.embedder,
    head,
    positives: positiveClips.map((clip) => ({
      name: clip.id,
      samples: clip.samples,
      source: clip.source,
    })),
    longNegatives: negativeFiles.map((path) => ({
      name: basename(path),
      kind: kindOf(path),
      path,
    })),
    ...(target === undefined
      ? { threshold: head.policy.threshold }
      : { targetFalseAcceptsPerHour: target }),
    ...(hooks.onProgress ? { onProgress: hooks.onProgress } : {}),
    ...(hooks.signal ? { signal: hooks.signal } : {}),
  });
  return {
    phrase: head.name,
    evaluation,
    summary: {
      model: options.model,
      threshold: evaluation.threshold,
      voices: new Set(positiveClips.map((clip) => clip.speakerId)).size,
      recall: evaluation.recall.overall,
      recallBySource: evaluation.recall.bySource,
      falseAccepts: evaluation.falseAccepts,
      latency: evaluation.latency,
      det: evaluation.det,
    },
  };
}
