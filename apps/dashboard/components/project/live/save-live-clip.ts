// A correction from the Live tab stored as a sample: the clip the detector worker cut from its
// history, as a 16 kHz mono WAV, through the same upload API as every recording.
import { SAMPLE_RATE_HZ, encodeWav } from "@wakeforge/audio";
import { recordingName } from "../data/save-recording";
import { api, type SampleList } from "../../../lib/client/api-client";
import type { SampleLabel } from "../../../lib/store/types";

/** How a live correction is named in the sample list: a false wake, or a missed phrase. */
export type CorrectionKind = "false-wake" | "missed";

export const CORRECTION_LABELS: Readonly<Record<CorrectionKind, SampleLabel>> = {
  "false-wake": "negative",
  missed: "positive",
};

export class EmptyClipError extends Error {
  constructor(kind: CorrectionKind) {
    super(
      `no audio is held for this ${kind === "false-wake" ? "detection" : "moment"} any more; listen again and save it sooner`,
    );
    this.name = "EmptyClipError";
  }
}

/** Uploads 16 kHz `samples` as a recorded sample labelled for `kind`; answers the new list. */
export function saveLiveClip(
  projectId: string,
  samples: Float32Array,
  kind: CorrectionKind,
): Promise<SampleList> {
  if (samples.length === 0) return Promise.reject(new EmptyClipError(kind));
  const wav = encodeWav(samples, SAMPLE_RATE_HZ);
  const file = new File([new Uint8Array(wav)], recordingName(`live-${kind}`), {
    type: "audio/wav",
  });
  return api.uploadSamples(projectId, [file], CORRECTION_LABELS[kind], "recorded");
}
