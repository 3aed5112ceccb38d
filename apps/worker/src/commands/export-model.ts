import { join } from "node:path";
import { parseArgs } from "node:util";
import {
  composeDetector,
  headToOnnx,
  loadSpeechEmbeddingBase,
  saveModelDirectory,
  writeFileAtomic,
} from "@wakeforge/core";
import { EXIT } from "../exit-codes.js";
import type { CommandIo } from "../io.js";
import { loadDetector } from "../model/load-detector.js";
import { UsageError } from "../usage-error.js";

export const EXPORT_HELP = `wakeforge export --model DIR --format tfjs|onnx --out PATH

  --format onnx   the trigger-word head as one ONNX file with openWakeWord's head contract
                  ([batch, 16, 96] embeddings → [batch, 1] score): runs in onnxruntime and in
                  openWakeWord next to its melspectrogram and embedding models.
  --format tfjs   the whole detector (base + head) as a TensorFlow.js LayersModel directory
                  (model.json, weights.bin, wakeforge.json) for tf.loadLayersModel: input
                  [batch, 16, 76, 32, 1] log-mel windows, output [batch, 1].`;

export async function exportModel(argv: readonly string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: { model: { type: "string" }, format: { type: "string" }, out: { type: "string" } },
    strict: true,
  });
  if (!values.model || !values.out) throw new UsageError("--model DIR and --out PATH are required");
  if (values.format !== "tfjs" && values.format !== "onnx") {
    throw new UsageError(`--format ${values.format ?? "(missing)"}: expected tfjs or onnx`);
  }
  const loaded = await loadDetector(values.model);
  if (values.format === "onnx") {
    await writeFileAtomic(values.out, headToOnnx(loaded.head));
    io.stdout.write(`wrote ${values.out}\n`);
    return EXIT.ok;
  }
  const detector = composeDetector(await loadSpeechEmbeddingBase(), loaded.head, {
    name: "wakeforge_detector",
  });
  await saveModelDirectory(values.out, detector, { ...loaded.manifest, kind: "detector" });
  io.stdout.write(`wrote ${join(values.out, "model.json")} (tf.loadLayersModel) and its weights\n`);
  return EXIT.ok;
}
