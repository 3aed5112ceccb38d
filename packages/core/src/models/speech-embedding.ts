// The speech-embedding base and openWakeWord heads as tfjs LayersModels, built from the ONNX
// files' bytes. Works anywhere (the bytes may come from node_modules or from a fetch).
import * as tf from "@tensorflow/tfjs";
import { readOnnxModel } from "../onnx/read-onnx-model.js";
import { onnxToLayersModel } from "../onnx/to-layers-model.js";
import { ModelFileMismatchError } from "./errors.js";
import { sha256Hex } from "./sha256.js";
import type { ModelSource, OpenWakeWordHeadName } from "./zoo.js";
import { OPENWAKEWORD_HEADS, SPEECH_EMBEDDING } from "./zoo.js";

/** Name of the base's last layer, which gives [batch, 96]. */
export const EMBEDDING_OUTPUT_LAYER = "embedding";

async function verify(bytes: Uint8Array, source: ModelSource): Promise<void> {
  const actual = await sha256Hex(bytes);
  if (actual !== source.sha256)
    throw new ModelFileMismatchError(source.file, source.sha256, actual);
}

function fileNameOf(source: ModelSource): string {
  return source.file.split("/").pop() ?? source.file;
}

/**
 * The speech-embedding base from the bytes of `embedding_model.onnx`: input [N, 76, 32, 1]
 * (log-mel frames × bands, scaled x/10 + 2), output [N, 96] through a final Reshape named
 * `embedding`. Throws ModelFileMismatchError when the bytes are not the zoo's file.
 */
export async function speechEmbeddingBaseFromBytes(bytes: Uint8Array): Promise<tf.LayersModel> {
  await verify(bytes, SPEECH_EMBEDDING.source);
  const onnx = readOnnxModel(bytes, { fileName: fileNameOf(SPEECH_EMBEDDING.source) });
  const { model } = onnxToLayersModel(onnx);
  const [features] = model.outputs;
  if (!features) throw new Error("the imported base has no output");
  const embedding = tf.layers
    .reshape({ targetShape: [SPEECH_EMBEDDING.outputShape[1]], name: EMBEDDING_OUTPUT_LAYER })
    .apply(features) as tf.SymbolicTensor;
  return tf.model({ inputs: model.inputs, outputs: embedding, name: SPEECH_EMBEDDING.id });
}

/** An openWakeWord head from its ONNX bytes: input [N, windowEmbeddings, 96], output [N, outputs]. */
export async function openWakeWordHeadFromBytes(
  name: OpenWakeWordHeadName,
  bytes: Uint8Array,
): Promise<tf.LayersModel> {
  const entry = OPENWAKEWORD_HEADS[name];
  await verify(bytes, entry.source);
  const onnx = readOnnxModel(bytes, { fileName: fileNameOf(entry.source) });
  return onnxToLayersModel(onnx, { name }).model;
}
