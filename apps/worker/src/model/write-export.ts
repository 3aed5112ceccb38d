// A model directory in another form, for the export command and export jobs: the head as one
// ONNX file, or the whole detector (base + head) as a TensorFlow.js model directory. Either is
// written atomically, so a reader never sees half of it.
import {
  composeDetector,
  headToOnnx,
  loadDetectorDirectory,
  loadSpeechEmbeddingBase,
  saveModelDirectory,
  writeFileAtomic,
} from "@wakeforge/core";
import type { ExportFormat } from "@wakeforge/jobs";

export async function writeExport(model: string, format: ExportFormat, out: string): Promise<void> {
  const loaded = await loadDetectorDirectory(model);
  if (format === "onnx") {
    await writeFileAtomic(out, headToOnnx(loaded.model));
    return;
  }
  const detector = composeDetector(await loadSpeechEmbeddingBase(), loaded.model, {
    name: "wakeforge_detector",
  });
  await saveModelDirectory(out, detector, { ...loaded.manifest, kind: "detector" });
}
