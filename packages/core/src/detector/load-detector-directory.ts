// A model directory made ready to listen (Node): the trigger-word head from the directory, the
// base it was trained on (the zoo's speech-embedding base, or the pre-trained word network the
// directory carries in base/), and the detection policy its manifest records. What `wakeforge detect`, `eval` and the terminal UI load.
import { join } from "node:path";
import { Embedder } from "../features/embedder.js";
import { loadModelDirectory, type LoadedModelDirectory } from "../io/model-directory.js";
import { ModelFormatError, detectionPolicyFor, type ModelManifest } from "../io/model-manifest.js";
import { fullyConvolutionalBase } from "../models/fully-convolutional.js";
import { loadSpeechEmbeddingBase } from "../models/node-model-files.js";
import { SPEECH_EMBEDDING } from "../models/zoo.js";
import { registerOnnxLayers } from "../onnx/custom-layers.js";
import {
  NESTED_BASE_FOLDER,
  WORD_NETWORK_BASE_ID,
  loadWordNetwork,
} from "../pretraining/word-base-directory.js";
import type { DetectionPolicy } from "./detection-policy.js";
import type { DetectorHead } from "./streaming-detector.js";

export interface LoadedDetectorDirectory {
  readonly manifest: ModelManifest;
  readonly model: LoadedModelDirectory["model"];
  /** The base as a fully-convolutional embedder (the zoo's is shared by every directory). */
  readonly embedder: Embedder;
  /** The head with the manifest's policy (threshold, smoothing); `overrides` win. */
  head(overrides?: Partial<DetectionPolicy>): DetectorHead;
}

let sharedEmbedder: Promise<Embedder> | undefined;

/** The speech-embedding base, loaded once per process: every detector shares it. */
export function speechEmbeddingEmbedder(): Promise<Embedder> {
  sharedEmbedder ??= loadSpeechEmbeddingBase().then(
    (base) => new Embedder(fullyConvolutionalBase(base)),
  );
  return sharedEmbedder;
}

/** The embedder of the base the head in `dir` was trained on: the zoo's, or its own copy. */
async function embedderFor(dir: string, manifest: ModelManifest): Promise<Embedder> {
  const baseId = manifest.base?.id ?? SPEECH_EMBEDDING.id;
  if (baseId === SPEECH_EMBEDDING.id) return speechEmbeddingEmbedder();
  if (baseId !== WORD_NETWORK_BASE_ID) {
    throw new ModelFormatError(
      dir,
      `was trained on base "${baseId}", which this wakeforge does not have`,
    );
  }
  const nested = join(dir, NESTED_BASE_FOLDER);
  const word = await loadWordNetwork(nested);
  if (word.identity.sha256 !== manifest.base?.sha256) {
    throw new ModelFormatError(
      nested,
      `holds a word network with weights ${word.identity.sha256.slice(0, 12)}…, not the ${manifest.base?.sha256.slice(0, 12)}… its head was trained on`,
    );
  }
  return new Embedder(fullyConvolutionalBase(word.base));
}

/**
 * Loads `dir`, which must hold a trigger-word head trained on the zoo's speech-embedding base or
 * on a word network it carries.
 * The caller has started a tfjs backend. Throws ModelFormatError naming the directory otherwise.
 */
export async function loadDetectorDirectory(dir: string): Promise<LoadedDetectorDirectory> {
  registerOnnxLayers();
  const { model, manifest } = await loadModelDirectory(dir);
  if (manifest.kind !== "head") {
    throw new ModelFormatError(
      dir,
      `holds a ${manifest.kind} model; detection needs a trigger-word head`,
    );
  }
  const embedder = await embedderFor(dir, manifest);
  const name = manifest.phrase ?? "wake word";
  return {
    manifest,
    model,
    embedder,
    head: (overrides = {}) => ({ name, model, policy: detectionPolicyFor(manifest, overrides) }),
  };
}
