import { api, type SampleList } from "../../../lib/client/api-client";
import type { SampleLabel } from "../../../lib/store/types";
import type { Recording } from "./use-microphone-recorder";

/** Sends a recording to the upload API as a recorded sample; the server checks it like any file. */
export function saveRecording(
  projectId: string,
  recording: Recording,
  label: SampleLabel,
  name: string,
): Promise<SampleList> {
  const file = new File([recording.wav], name, { type: "audio/wav" });
  return api.uploadSamples(projectId, [file], label, "recorded");
}

/** "recording-2026-01-31-14-05-09.wav", local time: the name shown for a recorded sample. */
export function recordingName(kind: string, at = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  const stamp = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}-${pad(at.getHours())}-${pad(at.getMinutes())}-${pad(at.getSeconds())}`;
  return `${kind}-${stamp}.wav`;
}
