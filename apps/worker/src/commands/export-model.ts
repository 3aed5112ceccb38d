import { join } from "node:path";
import { parseArgs } from "node:util";
import { EXIT } from "../exit-codes.js";
import type { CommandIo } from "../io.js";
import { writeExport } from "../model/write-export.js";
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
  await writeExport(values.model, values.format, values.out);
  io.stdout.write(
    values.format === "onnx"
      ? `wrote ${values.out}\n`
      : `wrote ${join(values.out, "model.json")} (tf.loadLayersModel) and its weights\n`,
  );
  return EXIT.ok;
}
