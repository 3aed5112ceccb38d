// Loading a model directory into something that can listen: the head from the directory, the
// base it was trained on from the model zoo.
import {
  Embedder,
  ModelFormatError,
  SPEECH_EMBEDDING,
  fullyConvolutionalBase,
  loadModelDirectory,
  loadSpeechEmbeddingBase,
  registerOnnxLayers,
  type DetectorHead,
  type LoadedModelDirectory,
  type ModelManifest,
} from "@wakeforge/core";

export interface LoadedDetector {
  readonly manifest: ModelManifest;
  readonly head: LoadedModelDirectory["model"];
  readonly embedder: Embedder;
}

let sharedEmbedder: Promise<Embedder> | undefined;

/** The speech-embedding base, loaded once per process. */
export function speechEmbedder(): Promise<Embedder> {
  sharedEmbedder ??= loadSpeechEmbeddingBase().then(
    (base) => new Embedder(fullyConvolutionalBase(base)),
  );
  return sharedEmbedder;
}

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
  return { manifest, head: model, embedder: await speechEmbedder() };
}

export function detectorHead(
  loaded: LoadedDetector,
  threshold?: number,
  refractorySeconds?: number,
): DetectorHead {
  const name = loaded.manifest.phrase ?? "wake word";
  return {
    name,
    model: loaded.head,
    policy: {
      threshold: threshold ?? loaded.manifest.threshold ?? 0.5,
      ...(refractorySeconds === undefined ? {} : { refractorySeconds }),
    },
  };
}
