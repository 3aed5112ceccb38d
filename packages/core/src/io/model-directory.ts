// A model directory: tfjs's own layout (model.json + weights.bin, loadable with
// tf.loadLayersModel) plus wakeforge.json. Written atomically; read with checks that name the
// file and the problem. The files themselves are made and checked by model-files.ts, which
// browsers share; this module only puts them on disk and reads them back.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type * as tf from "@tensorflow/tfjs";
import { writeDirectoryAtomic, writeFileAtomic } from "./atomic-write.js";
import { ModelFormatError, type ModelManifest } from "./model-manifest.js";
import { modelToFiles, readModelFiles, type LoadedModel } from "./model-files.js";

export { MODEL_JSON_FILE, WEIGHTS_FILE } from "./model-files.js";

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
  const files = await modelToFiles(model, manifest, extraFiles, dir);
  await writeDirectoryAtomic(dir, async (temporary) => {
    for (const [name, data] of Object.entries(files)) {
      await writeFileAtomic(join(temporary, name), data);
    }
  });
}

export type LoadedModelDirectory = LoadedModel;

/** Reads the manifest first, then the tfjs model; weights must match the declared sizes. */
export async function loadModelDirectory(dir: string): Promise<LoadedModelDirectory> {
  return readModelFiles({
    pathOf: (name) => join(dir, name),
    async text(name) {
      const path = join(dir, name);
      try {
        return await readFile(path, "utf8");
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new ModelFormatError(
          path,
          code === "ENOENT" ? "file not found" : `cannot be read (${code})`,
          { cause: error },
        );
      }
    },
    async bytes(name) {
      const path = join(dir, name);
      try {
        return new Uint8Array(await readFile(path));
      } catch (error) {
        throw new ModelFormatError(path, "file not found or unreadable", { cause: error });
      }
    },
  });
}
