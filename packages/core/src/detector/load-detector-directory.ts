// A model directory made ready to listen (Node): the trigger-word head from the directory, the
// speech-embedding base it was trained on from the model zoo, and the detection policy its
// manifest records. What `wakeforge detect`, `eval` and the terminal UI load.
import { Embedder } from "../features/embedder.js";
import { loadModelDirectory, type LoadedModelDirectory } from "../io/model-directory.js";
import { ModelFormatError, detectionPolicyFor, type ModelManifest } from "../io/model-manifest.js";
import { fullyConvolutionalBase } from "../models/fully-convolutional.js";
import { loadSpeechEmbeddingBase } from "../models/node-model-files.js";
import { SPEECH_EMBEDDING } from "../models/zoo.js";
import { registerOnnxLayers } from "../onnx/custom-layers.js";
import type { DetectionPolicy } from "./detection-policy.js";
import type { DetectorHead } from "./streaming-detector.js";

export interface LoadedDetectorDirectory {
  readonly manifest: ModelManifest;
  readonly model: LoadedModelDirectory["model"];
  /** The speech-embedding base as a fully-convolutional embedder, shared by every directory. */
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

/**
 * Loads `dir`, which must hold a trigger-word head trained on the zoo's speech-embedding base.
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
  if (manifest.base && manifest.base.id !== SPEECH_EMBEDDING.id) {
    throw new ModelFormatError(
      dir,
      `was trained on base "${manifest.base.id}", which this wakeforge does not have`,
    );
  }
  const embedder = await speechEmbeddingEmbedder();
  const name = manifest.phrase ?? "wake word";
  return {
    manifest,
    model,
    embedder,
    head: (overrides = {}) => ({ name, model, policy: detectionPolicyFor(manifest, overrides) }),
  };
}
