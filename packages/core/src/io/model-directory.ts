// A model directory: tfjs's own layout (model.json + weights.bin, loadable with
// tf.loadLayersModel) plus wakeforge.json. Written atomically; read with checks that name the
// file and the problem.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import * as tf from "@tensorflow/tfjs";
import { writeDirectoryAtomic, writeFileAtomic } from "./atomic-write.js";
import {
  MODEL_MANIFEST_FILE,
  ModelFormatError,
  parseModelManifest,
  type ModelManifest,
} from "./model-manifest.js";

export const MODEL_JSON_FILE = "model.json";
export const WEIGHTS_FILE = "weights.bin";

function concatenate(data: ArrayBuffer | ArrayBuffer[]): Uint8Array {
  const parts = Array.isArray(data) ? data : [data];
  const total = parts.reduce((sum, part) => sum + part.byteLength, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(new Uint8Array(part), at);
    at += part.byteLength;
  }
  return out;
}

/**
 * Saves `model`, its manifest and any `extraFiles` (a training record, a report) into `dir`,
 * replacing what was there only once everything is written.
 */
export async function saveModelDirectory(
  dir: string,
  model: tf.LayersModel,
  manifest: ModelManifest,
  extraFiles: Readonly<Record<string, string | Uint8Array>> = {},
): Promise<void> {
  let artifacts: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (saved) => {
      artifacts = saved;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: "JSON" } };
    }),
  );
  if (!artifacts?.weightSpecs || artifacts.weightData === undefined) {
    throw new ModelFormatError(dir, "tfjs produced no weights for this model");
  }
  const modelJson = {
    modelTopology: artifacts.modelTopology,
    format: artifacts.format,
    generatedBy: artifacts.generatedBy,
    convertedBy: artifacts.convertedBy,
    weightsManifest: [{ paths: [`./${WEIGHTS_FILE}`], weights: artifacts.weightSpecs }],
  };
  const weights = concatenate(artifacts.weightData as ArrayBuffer | ArrayBuffer[]);
  await writeDirectoryAtomic(dir, async (temporary) => {
    await writeFileAtomic(join(temporary, MODEL_JSON_FILE), JSON.stringify(modelJson));
    await writeFileAtomic(join(temporary, WEIGHTS_FILE), weights);
    await writeFileAtomic(
      join(temporary, MODEL_MANIFEST_FILE),
      `${JSON.stringify(manifest, null, 2)}\n`,
    );
    for (const [name, data] of Object.entries(extraFiles)) {
      if (name.includes("/") || name.includes("\\") || name.startsWith(".")) {
        throw new ModelFormatError(dir, `extra file name "${name}" must be a plain file name`);
      }
      await writeFileAtomic(join(temporary, name), data);
    }
  });
}

async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ModelFormatError(
      path,
      code === "ENOENT" ? "file not found" : `cannot be read (${code})`,
      {
        cause: error,
      },
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ModelFormatError(path, `is not valid JSON (${(error as Error).message})`, {
      cause: error,
    });
  }
}

export interface LoadedModelDirectory {
  readonly model: tf.LayersModel;
  readonly manifest: ModelManifest;
}

/** Reads the manifest first, then the tfjs model; weights must match the declared sizes. */
export async function loadModelDirectory(dir: string): Promise<LoadedModelDirectory> {
  const manifest = parseModelManifest(
    await readJson(join(dir, MODEL_MANIFEST_FILE)),
    join(dir, MODEL_MANIFEST_FILE),
  );
  const modelJsonPath = join(dir, MODEL_JSON_FILE);
  const modelJson = (await readJson(modelJsonPath)) as Partial<tf.io.ModelJSON>;
  const weightsManifest = modelJson.weightsManifest;
  if (!modelJson.modelTopology || !Array.isArray(weightsManifest)) {
    throw new ModelFormatError(
      modelJsonPath,
      "has no modelTopology or weightsManifest (not a tfjs layers model)",
    );
  }
  const weightSpecs = weightsManifest.flatMap((group) => group.weights);
  const weightsPath = join(dir, WEIGHTS_FILE);
  let weightBytes: Buffer;
  try {
    weightBytes = await readFile(weightsPath);
  } catch (error) {
    throw new ModelFormatError(weightsPath, "file not found or unreadable", { cause: error });
  }
  const expectedBytes = weightSpecs.reduce(
    (sum, spec) =>
      sum +
      tf.util.sizeFromShape(spec.shape) *
        (spec.dtype === "float32" || spec.dtype === "int32" ? 4 : 1),
    0,
  );
  if (weightBytes.byteLength !== expectedBytes) {
    throw new ModelFormatError(
      weightsPath,
      `holds ${weightBytes.byteLength} bytes but model.json declares ${expectedBytes} (truncated or from another model)`,
    );
  }
  const weightData = weightBytes.buffer.slice(
    weightBytes.byteOffset,
    weightBytes.byteOffset + weightBytes.byteLength,
  );
  try {
    const model = await tf.loadLayersModel(
      tf.io.fromMemory({ modelTopology: modelJson.modelTopology, weightSpecs, weightData }),
    );
    return { model, manifest };
  } catch (error) {
    throw new ModelFormatError(
      modelJsonPath,
      `tfjs could not build the model: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
}
