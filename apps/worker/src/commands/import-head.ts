import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import {
  MODEL_FORMAT,
  MODEL_FORMAT_VERSION,
  OPENWAKEWORD_HEADS,
  OPENWAKEWORD_HEAD_NAMES,
  resolveModelFile,
  type OpenWakeWordHeadName,
  SPEECH_EMBEDDING,
  onnxToLayersModel,
  readOnnxModel,
  saveModelDirectory,
} from "@wakeforge/core";
import { EXIT } from "../exit-codes.js";
import { thresholdFlag } from "../flags.js";
import type { CommandIo } from "../io.js";
import { UsageError } from "../usage-error.js";
import { toolVersions } from "../versions.js";

export const IMPORT_HELP = `wakeforge import --onnx FILE --out DIR [--phrase TEXT] [--threshold T]
wakeforge import --openwakeword alexa|hey_jarvis|hey_mycroft|hey_rhasspy|timer|weather --out DIR

Imports an openWakeWord head (an ONNX file taking [1, window, 96] embeddings) as a wakeforge
model directory that 'wakeforge detect' and the dashboard can run. The head keeps its own
licence: openWakeWord's pre-trained heads are CC BY-NC-SA, for testing and reference only.`;

export async function importHead(argv: readonly string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      onnx: { type: "string" },
      openwakeword: { type: "string" },
      out: { type: "string" },
      phrase: { type: "string" },
      threshold: { type: "string" },
    },
    strict: true,
  });
  if (values.openwakeword !== undefined) {
    const entry = OPENWAKEWORD_HEADS[values.openwakeword as OpenWakeWordHeadName];
    if (!entry) {
      throw new UsageError(
        `--openwakeword ${values.openwakeword}: expected one of ${OPENWAKEWORD_HEAD_NAMES.join(", ")}`,
      );
    }
    values.onnx = resolveModelFile(entry.source);
  }
  if (!values.onnx || !values.out) {
    throw new UsageError("--onnx FILE (or --openwakeword NAME) and --out DIR are required");
  }
  const threshold = thresholdFlag(values.threshold, "--threshold") ?? 0.5;

  const onnx = readOnnxModel(new Uint8Array(await readFile(values.onnx)), {
    fileName: values.onnx,
  });
  const phrase =
    values.phrase ??
    basename(values.onnx)
      .replace(/(_v[\d.]+)?\.onnx$/i, "")
      .replaceAll("_", " ");
  // tfjs names tensors after the model, and accepts only word characters there.
  const { model } = onnxToLayersModel(onnx, { name: `head_${phrase.replace(/\W+/g, "_")}` });
  const shape = model.inputs[0]?.shape ?? [];
  if (shape.length !== 3 || shape[2] !== SPEECH_EMBEDDING.outputShape[1]) {
    throw new UsageError(
      `${values.onnx}: takes [${shape.map((d) => d ?? "batch").join(", ")}]; a head takes [batch, window, ${SPEECH_EMBEDDING.outputShape[1]}] embeddings`,
    );
  }
  await saveModelDirectory(values.out, model, {
    format: MODEL_FORMAT,
    formatVersion: MODEL_FORMAT_VERSION,
    kind: "head",
    phrase,
    base: {
      id: SPEECH_EMBEDDING.id,
      version: SPEECH_EMBEDDING.version,
      sha256: SPEECH_EMBEDDING.source.sha256,
    },
    window: { embeddings: Number(shape[1]), frames: 76, hopFrames: 8 },
    sampleRateHz: 16_000,
    threshold,
    createdAt: new Date().toISOString(),
    versions: toolVersions(),
    extra: { importedFrom: basename(values.onnx) },
  });
  io.stdout.write(`imported "${phrase}" (${shape[1]} embeddings per window) into ${values.out}\n`);
  return EXIT.ok;
}
