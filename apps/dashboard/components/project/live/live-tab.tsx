"use client";

import Link from "next/link";
import { useState, type ReactNode } from "react";
import { modelMedia } from "../../../lib/client/api-client";
import { clampThreshold, formatScore } from "../../../lib/live/score-chart";
import type { RuntimeFileUrls } from "../../../lib/runtime-files/runtime-file-names";
import type { Project, TrainedModel } from "../../../lib/store/types";
import { Card } from "../../card";
import { Message } from "../../message";
import { DetectionLog } from "./detection-log";
import { ScoreChart } from "./score-chart";
import { useCorrections } from "./use-corrections";
import { useLiveDetector, type LiveState, type LiveStep } from "./use-live-detector";

interface LiveTabProps {
  readonly project: Project;
  /** Newest first; at least one. */
  readonly models: readonly TrainedModel[];
  readonly files: RuntimeFileUrls;
}

const STEP_TEXT: Readonly<Record<LiveStep, string>> = {
  backend: "Starting TensorFlow.js…",
  base: "Loading the pre-trained speech network…",
  model: "Loading the model…",
  microphone: "Opening the microphone…",
};

function modelLabel(model: TrainedModel): string {
  return `${new Date(model.createdAt).toLocaleString()} · ${Math.round(model.recallAtFar * 100)} % held-out recall · threshold ${formatScore(model.threshold)}`;
}

/** Why listening stopped or never started, with what to do about it. */
function FailureMessage({ projectId, state }: { projectId: string; state: LiveState }) {
  const failure = state.failure;
  if (state.phase !== "failed" || !failure) return null;
  let text: ReactNode;
  switch (failure.kind) {
    case "model":
      text = (
        <>
          The files of this model could not be read ({failure.message}). It may have been deleted or
          damaged on the server: pick another model, or{" "}
          <Link href={`/projects/${projectId}/train`}>train a new one</Link>.
        </>
      );
      break;
    case "backend":
      text = `No TensorFlow.js backend could start in this browser: ${failure.message}`;
      break;
    case "base":
      text = (
        <>
          The pre-trained speech network could not be loaded ({failure.message}). Reload the page;
          the <Link href="/system">System</Link> page shows whether the server has it.
        </>
      );
      break;
    case "failed":
      text = `Listening failed: ${failure.message}`;
      break;
    default:
      // The microphone's problems are already said for a person.
      text = failure.message;
  }
  return (
    <div data-testid="live-error" data-kind={failure.kind}>
      <Message kind="error">{text}</Message>
    </div>
  );
}

/**
 * The Live tab: the chosen model listens to the microphone in a worker, its score scrolls past
 * the threshold line, each detection flashes and is logged, and the person's corrections (a
 * false wake, a missed phrase) become samples to train on.
 */
export function LiveTab({ project, models, files }: LiveTabProps) {
  const [modelId, setModelId] = useState(models[0]?.id ?? "");
  const model = models.find((m) => m.id === modelId) ?? models[0];
  const [threshold, setThresholdState] = useState(model?.threshold ?? 0.5);
  const live = useLiveDetector(files);
  const corrections = useCorrections(project.id, live.requestClip);
  const { state } = live;
  const busy = state.phase === "loading" || state.phase === "listening";
  const latest = state.detections[0];

  const setThreshold = (value: number) => {
    const clamped = clampThreshold(value);
    setThresholdState(clamped);
    live.setThreshold(clamped);
  };
  const pickModel = (id: string) => {
    setModelId(id);
    const picked = models.find((m) => m.id === id);
    if (picked) setThresholdState(picked.threshold);
  };

  if (!model) return null;
  return (
    <div className="stack">
      <Card
        titleId="live-title"
        title="Test live"
        sub={
          <>
            Say &ldquo;{project.phrase}&rdquo; near the microphone. The detector runs in this
            browser; nothing is sent anywhere until you keep a clip.
          </>
        }
        aside={
          <span
            className={state.phase === "listening" ? "badge badge-ok" : "badge"}
            data-testid="live-status"
            data-phase={state.phase}
            data-heard={state.heardSeconds.toFixed(2)}
          >
            {state.phase === "listening"
              ? `listening · ${state.backend ?? ""}`
              : state.phase === "loading"
                ? "starting"
                : "stopped"}
          </span>
        }
      >
        <div className="card-body">
          <div className="field-row">
            <label className="field field-grow">
              Model
              <select
                className="select"
                value={model.id}
                onChange={(e) => pickModel(e.target.value)}
                disabled={busy}
                data-testid="live-model"
              >
                {models.map((m) => (
                  <option key={m.id} value={m.id}>
                    {modelLabel(m)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              Threshold
              <input
                className="input input-number"
                type="number"
                min={0}
                max={1}
                step={0.001}
                // Shown to four decimals; the detector keeps the exact value (the calibrated one).
                value={Number(threshold.toFixed(4))}
                onChange={(e) => {
                  // A field cleared to type a new value is not a threshold of 0.
                  if (e.target.value !== "") setThreshold(Number(e.target.value));
                }}
                data-testid="live-threshold"
              />
            </label>
            <div className="actions">
              {busy ? (
                <button
                  className="button"
                  type="button"
                  onClick={() => void live.stop()}
                  data-testid="live-stop"
                >
                  Stop
                </button>
              ) : (
                <button
                  className="button button-primary"
                  type="button"
                  onClick={() =>
                    void live.start(modelMedia.directory(project.id, model.id), threshold)
                  }
                  data-testid="live-start"
                >
                  Start listening
                </button>
              )}
              <button
                className="button"
                type="button"
                onClick={() => void corrections.markMissed()}
                disabled={state.heardSeconds <= 0 || corrections.missed?.status === "saving"}
                data-testid="missed-it"
                title="Keep the last two seconds as a positive sample"
              >
                Missed it
              </button>
            </div>
          </div>
          <p className="hint">
            The threshold starts at the model&rsquo;s calibrated {formatScore(model.threshold)};
            drag its line on the chart, or type a value. Lower catches more, and wakes falsely more.
          </p>
          {state.phase === "loading" && state.step ? (
            <p className="hint" role="status" data-testid="live-step">
              {STEP_TEXT[state.step]}
            </p>
          ) : null}
          <FailureMessage projectId={project.id} state={state} />
          <div className="live-stage">
            {latest ? (
              <div
                key={latest.id}
                className="live-flash"
                role="status"
                data-testid="live-flash"
                data-detection-id={latest.id}
              >
                Heard &ldquo;{project.phrase}&rdquo; · {formatScore(latest.score)}
              </div>
            ) : null}
            <ScoreChart
              points={state.points}
              nowSeconds={state.heardSeconds}
              threshold={threshold}
              onThreshold={setThreshold}
              detections={state.detections.map((d) => d.timeSeconds)}
            />
          </div>
          {corrections.missed?.status === "saved" ? (
            <Message kind="ok" testId="missed-saved">
              Kept the last {corrections.missed.seconds.toFixed(1)} s as a positive. Retrain on the{" "}
              <Link href={`/projects/${project.id}/train`}>Train</Link> tab to learn from it.
            </Message>
          ) : null}
          {corrections.missed?.status === "failed" ? (
            <Message kind="error" testId="missed-error">
              The last seconds were not saved: {corrections.missed.message}
            </Message>
          ) : null}
        </div>
      </Card>
      <Card
        titleId="detections-title"
        title="Detections"
        sub="A false wake kept as a negative, and a missed phrase kept as a positive, go to the Data tab; train again to learn from them."
      >
        <div className="card-body table-wrap">
          <DetectionLog
            projectId={project.id}
            detections={state.detections}
            corrections={corrections.falseWakes}
            onFalseWake={(detection) => void corrections.markFalseWake(detection)}
          />
        </div>
      </Card>
    </div>
  );
}
