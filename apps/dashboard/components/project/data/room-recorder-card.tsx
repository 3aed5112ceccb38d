"use client";

import { useState } from "react";
import { ApiError, type SampleList } from "../../../lib/client/api-client";
import { formatSeconds } from "../../../lib/format";
import { RecorderPanel } from "./recorder-panel";
import { recordingName, saveRecording } from "./save-recording";
import { useMicrophoneRecorder } from "./use-microphone-recorder";

const MINUTE_CHOICES = [1, 2, 5, 10] as const;

interface RoomRecorderCardProps {
  readonly projectId: string;
  readonly onAdded: (list: SampleList) => void;
}

/**
 * Records a few minutes of the room as background: the TV, talk, the kitchen. The false wakes
 * that matter come from exactly this sound, so the detector should hear it in training.
 */
export function RoomRecorderCard({ projectId, onAdded }: RoomRecorderCardProps) {
  const [minutes, setMinutes] = useState<number>(2);
  const recorder = useMicrophoneRecorder({ maxSeconds: minutes * 60, trim: false });
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>(undefined);

  async function save() {
    if (!recorder.recording) return;
    setSaving(true);
    setMessage(undefined);
    try {
      onAdded(
        await saveRecording(projectId, recorder.recording, "background", recordingName("room")),
      );
      setMessage({ ok: true, text: "Saved as background audio." });
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

  const left = Math.max(0, minutes * 60 - recorder.elapsedSeconds);
  return (
    <section className="card" aria-labelledby="room-recorder-title">
      <div className="card-head">
        <div>
          <h2 id="room-recorder-title">Record the room</h2>
          <p className="card-sub">
            Leave the microphone where the detector will listen, with the usual noise: TV, music,
            talk. Do not say the phrase.
          </p>
        </div>
      </div>
      <div className="card-body">
        <label className="field" style={{ marginBottom: 12, maxWidth: 200 }}>
          Length
          <select
            className="select"
            value={minutes}
            onChange={(e) => setMinutes(Number(e.target.value))}
            disabled={recorder.phase === "recording" || recorder.phase === "starting"}
          >
            {MINUTE_CHOICES.map((m) => (
              <option key={m} value={m}>
                {m} {m === 1 ? "minute" : "minutes"}
              </option>
            ))}
          </select>
        </label>
        <RecorderPanel
          recorder={recorder}
          startLabel="Start recording the room"
          saveLabel="Save as background"
          progressText={`${formatSeconds(left)} left`}
          saving={saving}
          onSave={() => void save()}
          testId="room-recorder"
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
