"use client";

import { useState } from "react";
import type { Project, TrainedModel } from "../../../lib/store/types";
import { Card } from "../../card";
import { Message } from "../../message";
import { ProgressBar } from "../../progress-bar";
import { DetCurveFigure } from "./det-curve-figure";
import { EvaluationSummary } from "./evaluation-summary";
import { ModelPicker } from "./model-picker";
import { NoModelYet } from "./no-model-yet";
import { SampleScoresTable } from "./sample-scores-table";
import { StreamFalseAccepts } from "./stream-false-accepts";
import { useEvaluation } from "./use-evaluation";
import { useSamplePlayer } from "./use-sample-player";

interface EvaluateTabProps {
  readonly project: Project;
  /** Newest first. */
  readonly models: readonly TrainedModel[];
}

/** The default false-accept budget offered, per hour (core's DEFAULT_TARGET_FALSE_ACCEPTS_PER_HOUR). */
const DEFAULT_BUDGET = 0.5;

/**
 * The Evaluate tab: measures a trained model on the project's audio it never learned from (voices
 * held out of training, background added since) on the server, then shows the DET curve, the
 * threshold and what set it, recall and false accepts per hour there, and every clip's score,
 * worst mistakes first, each playable.
 */
export function EvaluateTab({ project, models }: EvaluateTabProps) {
  const [modelId, setModelId] = useState(models[0]?.id ?? "");
  const [useBudget, setUseBudget] = useState(false);
  const [budget, setBudget] = useState(DEFAULT_BUDGET);
  const { run, running, error, start, cancel } = useEvaluation(project.id, modelId || undefined);
  const player = useSamplePlayer(project.id);

  if (models.length === 0) {
    return <NoModelYet title="Evaluate" then="measure it here" testId="evaluate-empty" />;
  }

  const report = run?.state === "succeeded" ? run.report : null;
  return (
    <div className="stack">
      <Card
        titleId="evaluate-title"
        title="Evaluate a model"
        sub="On the server, on the clips by voices the model never trained on, with the negatives and new background streamed as long audio for false accepts per hour."
        data-testid="evaluate-controls"
      >
        <form
          className="card-body"
          onSubmit={(e) => {
            e.preventDefault();
            void start(useBudget ? budget : undefined);
          }}
        >
          <div className="field-row">
            <ModelPicker
              models={models}
              value={modelId}
              onChange={setModelId}
              disabled={running}
              testId="evaluate-model"
            />
            <fieldset className="field threshold-choice" disabled={running}>
              <legend>Threshold</legend>
              <label>
                <input
                  type="radio"
                  name="threshold"
                  checked={!useBudget}
                  onChange={() => setUseBudget(false)}
                  data-testid="threshold-model"
                />{" "}
                the model&apos;s own, calibrated in training
              </label>
              <label>
                <input
                  type="radio"
                  name="threshold"
                  checked={useBudget}
                  onChange={() => setUseBudget(true)}
                  data-testid="threshold-budget"
                />{" "}
                the lowest with at most{" "}
                <input
                  className="input input-number"
                  type="number"
                  min={0}
                  step={0.1}
                  value={budget}
                  onChange={(e) => setBudget(Math.max(0, Number(e.target.value) || 0))}
                  disabled={!useBudget}
                  aria-label="false accepts per hour"
                  data-testid="threshold-budget-value"
                />{" "}
                false accepts per hour here
              </label>
            </fieldset>
          </div>
          <div className="actions">
            <button
              className="button button-primary"
              type="submit"
              disabled={running || !modelId}
              data-testid="evaluate-start"
            >
              {report ? "Evaluate again" : "Evaluate"}
            </button>
            {running ? (
              <button
                className="button"
                type="button"
                onClick={() => void cancel()}
                data-testid="evaluate-cancel"
              >
                Cancel
              </button>
            ) : null}
          </div>
          {running && run ? (
            <div data-testid="evaluation-progress">
              <ProgressBar fraction={run.fraction} label="Evaluation progress" />
              <p className="hint" data-testid="evaluation-step">
                {run.step}
              </p>
            </div>
          ) : null}
          {run?.state === "failed" ? (
            <Message kind="error" testId="evaluation-failed">
              The evaluation failed: {run.error}
            </Message>
          ) : null}
          {run?.state === "cancelled" ? (
            <Message kind="ok" testId="evaluation-cancelled">
              The evaluation was cancelled.
            </Message>
          ) : null}
          {error ? <Message kind="error">{error}</Message> : null}
        </form>
      </Card>

      {report ? (
        <div className="stack" data-testid="evaluation-report" data-model-id={report.modelId}>
          <EvaluationSummary report={report} />
          <Card
            titleId="det-title"
            title="DET curve"
            sub="Missed wakes against false accepts per hour, over the held-out audio."
          >
            <div className="card-body">
              <DetCurveFigure svg={report.detSvg} points={report.detPoints} />
            </div>
          </Card>
          <Card
            titleId="scores-title"
            title="Per-clip scores, worst mistakes first"
            sub="Missed positives with the lowest scores and negatives with the highest come first; play one to hear what fooled the model."
          >
            <div className="card-body">
              <SampleScoresTable
                samples={report.samples}
                threshold={report.threshold}
                playing={player.playing}
                onPlay={player.toggle}
              />
            </div>
          </Card>
          <Card
            titleId="stream-title"
            title="False accepts in the streamed audio"
            sub={`The first ${report.streamFalseAccepts.length > 0 ? "few " : ""}places the detector fired while listening to the negatives end to end.`}
          >
            <div className="card-body">
              <StreamFalseAccepts
                falseAccepts={report.streamFalseAccepts}
                playing={player.playing}
                onPlay={player.toggle}
              />
            </div>
          </Card>
        </div>
      ) : null}
    </div>
  );
}
