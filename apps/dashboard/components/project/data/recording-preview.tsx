import { formatSeconds } from "../../../lib/format";
import type { Recording } from "./use-microphone-recorder";

/** Playback of a finished recording, with what trimming kept. */
export function RecordingPreview({ recording }: { readonly recording: Recording }) {
  const trimmed = recording.recordedSeconds - recording.keptSeconds;
  return (
    <div className="preview" data-testid="recording-preview">
      <audio controls src={recording.url} />
      <p className="hint" style={{ marginTop: 0 }}>
        {formatSeconds(recording.keptSeconds)}
        {trimmed >= 0.05
          ? ` kept of ${formatSeconds(recording.recordedSeconds)}: the silence around it was cut`
          : ""}
        {recording.silent ? ". It sounds silent: check the microphone and its level." : "."}
      </p>
    </div>
  );
}
