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
  options: { readonly nested?: Readonly<Record<string, NestedModel>> } = {},
): Promise<void> {
  const files = await modelToFiles(model, manifest, extraFiles, dir);
  const nested = await Promise.all(
    Object.entries(options.nested ?? {}).map(async ([name, inner]) => {
      if (!/^[a-z][a-z0-9-]*$/.test(name)) {
        throw new ModelFormatError(dir, `nested model name "${name}" must be a plain folder name`);
      }
      return [name, await modelToFiles(inner.model, inner.manifest, {}, join(dir, name))] as const;
    }),
  );
  await writeDirectoryAtomic(dir, async (temporary) => {
    for (const [name, data] of Object.entries(files)) {
      await writeFileAtomic(join(temporary, name), data);
    }
    for (const [folder, innerFiles] of nested) {
      for (const [name, data] of Object.entries(innerFiles)) {
        await writeFileAtomic(join(temporary, folder, name), data);
      }
    }
  });
}

/** A model saved inside another's directory (a head's own base), written in the same atomic step. */
export interface NestedModel {
  readonly model: tf.LayersModel;
  readonly manifest: ModelManifest;
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
