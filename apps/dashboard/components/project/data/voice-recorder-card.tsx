"use client";

import { useState } from "react";
import { ApiError, type SampleList } from "../../../lib/client/api-client";
import { formatSeconds } from "../../../lib/format";
import { RecorderPanel } from "./recorder-panel";
import { recordingName, saveRecording } from "./save-recording";
import { useMicrophoneRecorder } from "./use-microphone-recorder";

/** A phrase takes a second or two; ten leaves room for a slow start. */
const MAX_SECONDS = 10;

interface VoiceRecorderCardProps {
  readonly projectId: string;
  readonly phrase: string;
  readonly onAdded: (list: SampleList) => void;
}

/** Records the person saying the phrase (positive) or something else (negative). */
export function VoiceRecorderCard({ projectId, phrase, onAdded }: VoiceRecorderCardProps) {
  const recorder = useMicrophoneRecorder({ maxSeconds: MAX_SECONDS, trim: true });
  const [label, setLabel] = useState<"positive" | "negative">("positive");
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>(undefined);

  async function save() {
    if (!recorder.recording) return;
    setSaving(true);
    setMessage(undefined);
    try {
      onAdded(
        await saveRecording(projectId, recorder.recording, label, recordingName("recording")),
      );
      setMessage({ ok: true, text: `Saved as a ${label}. Record another one: variety helps.` });
      recorder.reset();
    } catch (failure) {
      setMessage({
        ok: false,
        text: failure instanceof ApiError ? failure.message : String(failure),
      });
    } finally {
      setSaving(false);
    }
  }

  return (
    <section className="card" aria-labelledby="voice-recorder-title">
      <div className="card-head">
        <div>
          <h2 id="voice-recorder-title">Record your voice</h2>
          <p className="card-sub">
            One take per recording; the silence around it is cut. Five or more takes of your own
            voice matter more than anything else.
          </p>
        </div>
      </div>
      <div className="card-body">
        <div
          className="actions"
          role="radiogroup"
          aria-label="What you will say"
          style={{ marginBottom: 12 }}
        >
          <label className="actions">
            <input
              type="radio"
              name="voice-label"
              checked={label === "positive"}
              onChange={() => setLabel("positive")}
            />
            &ldquo;{phrase}&rdquo; (positive)
          </label>
          <label className="actions">
            <input
              type="radio"
              name="voice-label"
              checked={label === "negative"}
              onChange={() => setLabel("negative")}
            />
            Something else (negative)
          </label>
        </div>
        <RecorderPanel
          recorder={recorder}
          startLabel="Start recording"
          saveLabel={`Save as ${label}`}
          progressText={`${formatSeconds(recorder.elapsedSeconds)} of at most ${MAX_SECONDS} s`}
          saving={saving}
          onSave={() => void save()}
          testId="voice-recorder"
        />
        {message ? (
          <p
            className={message.ok ? "notice" : "alert"}
            role={message.ok ? "status" : "alert"}
            style={{ marginTop: 12 }}
          >
            {message.text}
          </p>
        ) : null}
      </div>
    </section>
  );
}
