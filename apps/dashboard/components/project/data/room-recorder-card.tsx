"use client";

import { useState } from "react";
import type { SampleList } from "../../../lib/client/api-client";
import { formatSeconds } from "../../../lib/format";
import { Card } from "../../card";
import { Message } from "../../message";
import { RecorderPanel } from "./recorder-panel";
import { useMicrophoneRecorder } from "./use-microphone-recorder";
import { useSaveRecording } from "./use-save-recording";

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
  const { saving, outcome, save } = useSaveRecording(projectId, recorder, onAdded);

  const left = Math.max(0, minutes * 60 - recorder.elapsedSeconds);
  return (
    <Card
      titleId="room-recorder-title"
      title="Record the room"
      sub="Leave the microphone where the detector will listen, with the usual noise: TV, music, talk. Do not say the phrase."
    >
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
          onSave={() => void save("background", "room", "Saved as background audio.")}
          testId="room-recorder"
        />
        {outcome ? <Message kind={outcome.ok ? "ok" : "error"}>{outcome.text}</Message> : null}
      </div>
    </Card>
  );
}
