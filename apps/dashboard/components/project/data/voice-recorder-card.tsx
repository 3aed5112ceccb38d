"use client";

import { useState } from "react";
import type { SampleList } from "../../../lib/client/api-client";
import { formatSeconds } from "../../../lib/format";
import { Card } from "../../card";
import { Message } from "../../message";
import { RecorderPanel } from "./recorder-panel";
import { useMicrophoneRecorder } from "./use-microphone-recorder";
import { useSaveRecording } from "./use-save-recording";

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
  const { saving, outcome, save } = useSaveRecording(projectId, recorder, onAdded);
  const [label, setLabel] = useState<"positive" | "negative">("positive");
  const choices = [
    { value: "positive", text: <>&ldquo;{phrase}&rdquo; (positive)</> },
    { value: "negative", text: "Something else (negative)" },
  ] as const;

  return (
    <Card
      titleId="voice-recorder-title"
      title="Record your voice"
      sub="One take per recording; the silence around it is cut. Five or more takes of your own voice matter more than anything else."
    >
      <div className="card-body">
        <div
          className="actions"
          role="radiogroup"
          aria-label="What you will say"
          style={{ marginBottom: 12 }}
        >
          {choices.map((choice) => (
            <label className="actions" key={choice.value}>
              <input
                type="radio"
                name="voice-label"
                checked={label === choice.value}
                onChange={() => setLabel(choice.value)}
              />
              {choice.text}
            </label>
          ))}
        </div>
        <RecorderPanel
          recorder={recorder}
          startLabel="Start recording"
          saveLabel={`Save as ${label}`}
          progressText={`${formatSeconds(recorder.elapsedSeconds)} of at most ${MAX_SECONDS} s`}
          saving={saving}
          onSave={() =>
            void save(label, "recording", `Saved as a ${label}. Record another one: variety helps.`)
          }
          testId="voice-recorder"
        />
        {outcome ? <Message kind={outcome.ok ? "ok" : "error"}>{outcome.text}</Message> : null}
      </div>
    </Card>
  );
}
