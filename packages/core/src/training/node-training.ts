// Node's trainWakeWord: the pipeline of train-wake-word.ts with what only Node can supply by
// default, the zoo's base read from node_modules and an embedding cache in a directory.
import { EmbeddingCache } from "../dataset/embedding-cache.js";
import type { EmbeddingStore } from "../dataset/embedding-store.js";
import { loadSpeechEmbeddingBase } from "../models/node-model-files.js";
import { SPEECH_EMBEDDING_BASE_ID } from "../models/speech-base.js";
import {
  trainWakeWord as trainOnBase,
  type TrainWakeWordHooks,
  type TrainWakeWordOptions as PortableTrainWakeWordOptions,
  type TrainWakeWordResult,
  type TrainingBase,
} from "./train-wake-word.js";

export interface TrainWakeWordOptions extends Omit<PortableTrainWakeWordOptions, "base" | "cache"> {
  /** Default: the speech-embedding base from node_modules. */
  readonly base?: TrainingBase;
  /** An EmbeddingCache (or any EmbeddingStore) or the directory of one; none by default. */
  readonly cache?: EmbeddingStore | string;
}

/** The zoo base as a TrainingBase. */
export async function loadDefaultTrainingBase(): Promise<TrainingBase> {
  return { model: await loadSpeechEmbeddingBase(), id: SPEECH_EMBEDDING_BASE_ID };
}

/**
 * Trains a detector for `phrase` on `dataset` (see docs/training.md and train-wake-word.ts),
 * on the zoo's base unless `base` says otherwise, caching embeddings in `cache`.
 */
export async function trainWakeWord(
  options: TrainWakeWordOptions,
  hooks: TrainWakeWordHooks = {},
): Promise<TrainWakeWordResult> {
  const { base, cache, ...rest } = options;
  return trainOnBase(
    {
      ...rest,
      base: base ?? (await loadDefaultTrainingBase()),
      ...(cache === undefined
        ? {}
        : { cache: typeof cache === "string" ? new EmbeddingCache(cache) : cache }),
    },
    hooks,
  );
}
