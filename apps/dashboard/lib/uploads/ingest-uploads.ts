// Adds uploaded or recorded files to a project, all of them or none: every file is checked and
// converted before anything is written, so one bad file changes nothing.
import type { Sample, Store } from "../store";
import { prepareAudio, type PreparedAudio } from "./prepare-audio";
import type { UploadForm } from "./read-upload-form";
import { UploadError, UploadRejectedError } from "./upload-error";
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from "./upload-limits";

export async function ingestUploads(
  store: Store,
  projectId: string,
  upload: UploadForm,
  limits: UploadLimits = DEFAULT_UPLOAD_LIMITS,
): Promise<Sample[]> {
  // Fail on a missing project before decoding anything.
  store.getProject(projectId);
  const prepared: PreparedAudio[] = [];
  const errors: UploadError[] = [];
  // One at a time: decoded audio is large, and two cores serve everything else too.
  for (const file of upload.files) {
    try {
      prepared.push(await prepareAudio(file.bytes, file.name, limits));
    } catch (error) {
      if (!(error instanceof UploadError)) throw error;
      errors.push(error);
    }
  }
  if (errors.length > 0) throw new UploadRejectedError(errors);
  return store.addSamples(
    projectId,
    prepared.map((audio, i) => ({
      label: upload.label,
      source: upload.source,
      audio: { bytes: audio.wav },
      durationSeconds: audio.durationSeconds,
      originalName: upload.files[i]?.name ?? null,
      originalFormat: audio.originalFormat,
      originalSampleRateHz: audio.originalSampleRateHz,
    })),
  );
}
