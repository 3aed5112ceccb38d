// A pre-trained word network on disk (Node): the whole classifier, word output included, so the
// directory is also a word recogniser; transfer drops the output layer when it loads it. Heads
// trained on it carry a copy in their own directory (`base/`), so a detector is self-contained.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type * as tf from "@tensorflow/tfjs";
import { loadModelDirectory, saveModelDirectory } from "../io/model-directory.js";
import { WEIGHTS_FILE } from "../io/model-files.js";
import {
  MODEL_FORMAT,
  MODEL_FORMAT_VERSION,
  ModelFormatError,
  type ModelManifest,
} from "../io/model-manifest.js";
import { sha256Hex } from "../models/sha256.js";
import { SPEECH_EMBEDDING } from "../models/zoo.js";
import { registerOnnxLayers } from "../onnx/custom-layers.js";
import { dropOutputLayer } from "../surgery/cut-model.js";
import { TFJS_VERSION } from "../versions.js";
import type { PretrainWordsResult } from "./pretrain-words.js";
import { WORD_OUTPUT_LAYER } from "./word-network.js";

/** The base id heads record for a pre-trained word network. */
export const WORD_NETWORK_BASE_ID = "word-network";
export const WORD_NETWORK_VERSION = "1";
/** Where a head's directory keeps the base it was trained on, when it is not the zoo's. */
export const NESTED_BASE_FOLDER = "base";

/** What a word network's manifest keeps in `extra`. */
export interface WordNetworkRecord {
  readonly classes: readonly string[];
  readonly heldOutAccuracy: number;
  readonly chance: number;
  readonly epochs: number;
  readonly corpus: string;
}

export function wordNetworkManifest(
  result: PretrainWordsResult,
  corpus: string,
  versions: Readonly<Record<string, string>> = {},
): ModelManifest {
  const record: WordNetworkRecord = {
    classes: result.classes,
    heldOutAccuracy: result.accuracy,
    chance: result.chance,
    epochs: result.curve.length,
    corpus,
  };
  return {
    format: MODEL_FORMAT,
    formatVersion: MODEL_FORMAT_VERSION,
    kind: "base",
    window: {
      embeddings: 1,
      frames: SPEECH_EMBEDDING.windowFrames,
      hopFrames: SPEECH_EMBEDDING.hopFrames,
    },
    sampleRateHz: 16_000,
    createdAt: new Date().toISOString(),
    versions: { tfjs: TFJS_VERSION, ...versions },
    extra: { wordNetwork: record },
  };
}

/** Saves a pre-training run: the classifier, its manifest and `metrics.json` (curve, split). */
export async function saveWordNetwork(
  dir: string,
  result: PretrainWordsResult,
  corpus: string,
  versions: Readonly<Record<string, string>> = {},
): Promise<void> {
  const metrics = {
    classes: result.classes,
    curve: result.curve,
    split: result.split,
    counts: result.counts,
    accuracy: result.accuracy,
    chance: result.chance,
  };
  await saveModelDirectory(dir, result.classifier, wordNetworkManifest(result, corpus, versions), {
    "metrics.json": `${JSON.stringify(metrics, null, 2)}\n`,
  });
}

export interface LoadedWordNetwork {
  /** The word recogniser as saved. */
  readonly classifier: tf.LayersModel;
  readonly manifest: ModelManifest;
  /** Surgery's result: the classifier up to its embedding, what trigger-word heads read. */
  readonly base: tf.LayersModel;
  /** What a head records as its base. */
  readonly identity: { readonly id: string; readonly version: string; readonly sha256: string };
  /** Stable key for embedding caches: the id and the weights' sha256. */
  readonly cacheId: string;
}

/** Loads a word network saved by saveWordNetwork; ModelFormatError names `dir` otherwise. */
export async function loadWordNetwork(dir: string): Promise<LoadedWordNetwork> {
  registerOnnxLayers();
  const { model, manifest } = await loadModelDirectory(dir);
  if (manifest.kind !== "base" || manifest.extra?.wordNetwork === undefined) {
    throw new ModelFormatError(
      dir,
      `holds a ${manifest.kind} model, not a pre-trained word network`,
    );
  }
  if (model.layers.at(-1)?.name !== WORD_OUTPUT_LAYER) {
    throw new ModelFormatError(dir, `its last layer is not "${WORD_OUTPUT_LAYER}"`);
  }
  const sha256 = await sha256Hex(new Uint8Array(await readFile(join(dir, WEIGHTS_FILE))));
  return {
    classifier: model,
    manifest,
    base: dropOutputLayer(model, "word_network_base"),
    identity: { id: WORD_NETWORK_BASE_ID, version: WORD_NETWORK_VERSION, sha256 },
    cacheId: `${WORD_NETWORK_BASE_ID}@${sha256}`,
  };
}
