"use client";

import { Message } from "../../message";
import { LevelMeter } from "./level-meter";
import { RecordingPreview } from "./recording-preview";
import type { useMicrophoneRecorder } from "./use-microphone-recorder";

interface RecorderPanelProps {
  readonly recorder: ReturnType<typeof useMicrophoneRecorder>;
  /** e.g. "Start recording" */
  readonly startLabel: string;
  /** e.g. "Save as positive" */
  readonly saveLabel: string;
  /** Shown while recording, e.g. "1.4 s" or "1 min 20 s left". */
  readonly progressText: string;
  readonly saving: boolean;
  readonly onSave: () => void;
  /** Prefix of data-testid attributes, so two panels on one page stay apart. */
  readonly testId: string;
}

/** Start, stop, listen back, save or record again: the controls both recorders share. */
export function RecorderPanel({
  recorder,
  startLabel,
  saveLabel,
  progressText,
  saving,
  onSave,
  testId,
}: RecorderPanelProps) {
  const { phase, levelDb, error, recording } = recorder;
  return (
    <div data-testid={testId} data-phase={phase}>
      {phase === "recording" || phase === "starting" ? (
        <>
          <div className="actions">
            <span className="recording-dot" aria-hidden="true" />
            <span>
              {phase === "starting" ? "Opening the microphone…" : `Recording · ${progressText}`}
            </span>
            <button
              className="button button-small"
              type="button"
              onClick={() => void recorder.stop()}
              disabled={phase !== "recording"}
              data-testid={`${testId}-stop`}
            >
              Stop
            </button>
          </div>
          <LevelMeter levelDb={levelDb} />
        </>
      ) : null}
      {phase === "processing" ? <p className="hint">Preparing the recording…</p> : null}
      {phase === "done" && recording ? (
        <>
          <RecordingPreview recording={recording} />
          <div className="actions">
            <button
              className="button button-primary button-small"
              type="button"
              onClick={onSave}
              disabled={saving}
              data-testid={`${testId}-save`}
            >
              {saving ? "Saving…" : saveLabel}
            </button>
            <button
              className="button button-small"
              type="button"
              onClick={() => void recorder.start()}
              disabled={saving}
              data-testid={`${testId}-again`}
            >
              Record again
            </button>
            <button
              className="button button-small button-quiet"
              type="button"
              onClick={recorder.reset}
              disabled={saving}
            >
              Discard
            </button>
          </div>
        </>
      ) : null}
      {phase === "idle" || phase === "error" ? (
        <button
          className="button button-primary"
          type="button"
          onClick={() => void recorder.start()}
          data-testid={`${testId}-start`}
        >
          {startLabel}
        </button>
      ) : null}
      {error ? <Message kind="error">{error}</Message> : null}
    </div>
  );
}
