// A stored model in the two forms the Export tab hands out. The tfjs download is the model
// directory itself (model.json, weights.bin, wakeforge.json and the training record) zipped in
// a folder named after the phrase: core's loadModelDirectory reads the unzipped folder as is.
// The ONNX download is the head made by core's headToOnnx from that same tfjs head, so the two
// score alike. Both load the head first, so missing or corrupt files fail with their name
// instead of downloading something broken.
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { loadCore } from "../core";
import { loadStoredHead, requireServerBackend } from "../evaluation/model-detector";
import type { Store } from "../store";
import { TRAINING_RECORD_FILE } from "../training/training-record";
import { phraseSlug } from "./export-names";
import { zipArchive } from "./zip-archive";

/** What the tfjs zip holds besides the training record, which older models may lack. */
const MODEL_DIRECTORY_FILES = ["model.json", "weights.bin", "wakeforge.json"] as const;

function modelDir(store: Store, projectId: string, modelId: string): string {
  return dirname(store.modelFile(projectId, modelId, "wakeforge.json"));
}

/** The model directory as a ZIP, under `<phrase-slug>/`. */
export async function tfjsModelZip(
  store: Store,
  projectId: string,
  modelId: string,
): Promise<Uint8Array> {
  const { phrase } = store.getProject(projectId);
  const model = store.getModel(projectId, modelId);
  const dir = modelDir(store, projectId, modelId);
  await requireServerBackend();
  // Loading checks every file the zip carries (the JSON parses, the weights fit model.json).
  (await loadStoredHead(dir)).model.dispose();
  const names = [
    ...MODEL_DIRECTORY_FILES,
    ...(model.files.includes(TRAINING_RECORD_FILE) ? [TRAINING_RECORD_FILE] : []),
  ];
  const folder = phraseSlug(phrase);
  const entries = await Promise.all(
    names.map(async (name) => ({
      name: `${folder}/${name}`,
      data: new Uint8Array(await readFile(join(dir, name))),
    })),
  );
  return zipArchive(entries, new Date(model.createdAt));
}

/** The head as ONNX bytes (openWakeWord's head contract: [batch, 16, 96] in, [batch, 1] out). */
export async function onnxHead(
  store: Store,
  projectId: string,
  modelId: string,
): Promise<Uint8Array> {
  const dir = modelDir(store, projectId, modelId);
  await requireServerBackend();
  const { model } = await loadStoredHead(dir);
  try {
    return (await loadCore()).headToOnnx(model);
  } finally {
    model.dispose();
  }
}
