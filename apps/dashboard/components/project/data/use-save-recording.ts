"use client";

import { useState } from "react";
import { errorMessage, type SampleList } from "../../../lib/client/api-client";
import type { SampleLabel } from "../../../lib/store/types";
import { recordingName, saveRecording } from "./save-recording";
import type { useMicrophoneRecorder } from "./use-microphone-recorder";

export interface SaveOutcome {
  readonly ok: boolean;
  readonly text: string;
}

/**
 * Saving a finished recording as a sample, for both recorder cards: the upload, the outcome
 * line, and a fresh recorder once it is stored.
 */
export function useSaveRecording(
  projectId: string,
  recorder: ReturnType<typeof useMicrophoneRecorder>,
  onAdded: (list: SampleList) => void,
) {
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<SaveOutcome | undefined>(undefined);

  /** Stores the recording as `label` under a name starting with `kind`; `savedText` on success. */
  async function save(label: SampleLabel, kind: string, savedText: string) {
    if (!recorder.recording) return;
    setSaving(true);
    setOutcome(undefined);
    try {
      onAdded(await saveRecording(projectId, recorder.recording, label, recordingName(kind)));
      setOutcome({ ok: true, text: savedText });
      recorder.reset();
    } catch (failure) {
      setOutcome({ ok: false, text: errorMessage(failure) });
    } finally {
      setSaving(false);
    }
  }

  return { saving, outcome, save };
}
