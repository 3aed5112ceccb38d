// A model directory made ready to listen, from core's public calls alone: the trigger-word head
// from the directory and the speech-embedding base it was trained on from the model zoo.
import {
  Embedder,
  ModelFormatError,
  SPEECH_EMBEDDING,
  fullyConvolutionalBase,
  loadModelDirectory,
  loadSpeechEmbeddingBase,
  registerOnnxLayers,
  type DetectorHead,
} from "@wakeforge/core";

export interface LoadedDetector {
  readonly head: DetectorHead;
  readonly embedder: Embedder;
}

let sharedEmbedder: Promise<Embedder> | undefined;

/** The base, loaded once per process: every model of the screen shares it. */
function speechEmbedder(): Promise<Embedder> {
  sharedEmbedder ??= loadSpeechEmbeddingBase().then(
    (base) => new Embedder(fullyConvolutionalBase(base)),
  );
  return sharedEmbedder;
}

/** Loads `dir` (a `head` model); the caller has started a tfjs backend. */
export async function loadDetector(dir: string): Promise<LoadedDetector> {
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
  return {
    head: {
      name: manifest.phrase ?? "wake word",
      model,
      policy: { threshold: manifest.threshold ?? 0.5 },
    },
    embedder: await speechEmbedder(),
  };
}
