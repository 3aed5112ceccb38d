"use client";

import { useCallback, useState } from "react";
import { sampleMedia } from "../../../lib/client/api-client";
import type { RuntimeFileUrls } from "../../../lib/runtime-files/runtime-file-names";
import type { Project, Sample, TrainedModel } from "../../../lib/store/types";
import { trainingClipRefs, trainingShortfall } from "../../../lib/training/training-data";
import {
  CLIP_FALSE_ACCEPT_RATE,
  DEFAULT_TRAINING_SETTINGS,
  type TrainingSettings,
} from "../../../lib/training/training-protocol";
import type { WorkerTrainingView } from "../../../lib/jobs/job-types";
import { DEFAULT_WORKER_SETTINGS } from "../../../lib/jobs/worker-training-settings";
import { useWorkerTraining } from "../../jobs/use-worker-training";
import { WorkerSettingsFields, type WorkerAudioMinutes } from "../../jobs/worker-settings-fields";
import { WorkerTrainingRun } from "../../jobs/worker-training-run";
import { Card } from "../../card";
import { Message } from "../../message";
import { LearningCurvesChart } from "./learning-curves-chart";
import { ModelList } from "./model-list";
import { TrainingProgress } from "./training-progress";
import { TrainingSettingsForm, type TrainingPlace } from "./training-settings-form";
import { useBrowserTraining, type TrainingRun } from "./use-browser-training";
import { VerdictPanel } from "./verdict-panel";

interface TrainTabProps {
  readonly project: Project;
  readonly samples: readonly Sample[];
  readonly initialModels: readonly TrainedModel[];
  readonly files: RuntimeFileUrls;
  /** A training on a worker still under way when the page was loaded. */
  readonly activeWorkerTraining: WorkerTrainingView | undefined;
}

/** How a run that left no model ended, said for a person. */
function failureText(run: TrainingRun): string {
  const failure = run.failure;
  if (!failure) return "";
  switch (failure.kind) {
    case "cancelled":
      return "Training was cancelled; nothing was saved.";
    case "backend":
      return `No TensorFlow.js backend could start in this browser: ${failure.message} Pick another backend under More settings, or use another browser.`;
    case "data":
      return `The data cannot train a detector yet: ${failure.message}`;
    case "save":
      return `The model trained but could not be saved: ${failure.message}`;
    default:
      return `Training failed: ${failure.message}`;
  }
}

/**
 * The Train tab: trains a detector for the project's phrase in this browser from the Data
 * tab's samples, draws transfer against scratch as the epochs finish, judges the comparison,
 * and keeps the model on the server.
 */
export function TrainTab({
  project,
  samples,
  initialModels,
  files,
  activeWorkerTraining,
}: TrainTabProps) {
  const [settings, setSettings] = useState<TrainingSettings>(DEFAULT_TRAINING_SETTINGS);
  const [place, setPlace] = useState<TrainingPlace>(activeWorkerTraining ? "worker" : "browser");
  const [minutes, setMinutes] = useState<WorkerAudioMinutes>({
    negativeMinutes: DEFAULT_WORKER_SETTINGS.negativeMinutes,
    backgroundMinutes: DEFAULT_WORKER_SETTINGS.backgroundMinutes,
  });
  const [models, setModels] = useState(initialModels);
  const onSaved = useCallback(
    (model: TrainedModel) =>
      setModels((all) => (all.some((m) => m.id === model.id) ? all : [model, ...all])),
    [],
  );
  const worker = useWorkerTraining({
    projectId: project.id,
    initial: activeWorkerTraining,
    onSaved,
  });
  const workerView = worker.state.view;
  const workerBusy =
    worker.state.submitting || (workerView !== undefined && workerView.training.settledAt === null);
  const { run, start, cancel, retrySave } = useBrowserTraining({
    projectId: project.id,
    phrase: project.phrase,
    files,
    onSaved,
  });
  const shortfall = trainingShortfall(samples);
  const busy = run.status === "running" || run.status === "saving";
  const shown = run.settings ?? settings;

  const begin = () =>
    place === "worker"
      ? void worker.start({
          base: settings.base,
          epochs: settings.epochs,
          compareScratch: settings.compareScratch,
          seed: settings.seed,
          negativeMinutes: minutes.negativeMinutes,
          backgroundMinutes: minutes.backgroundMinutes,
        })
      : start(
          settings,
          trainingClipRefs(samples, (sample) => sampleMedia.audio(sample.projectId, sample.id)),
        );

  return (
    <div className="stack">
      <Card
        titleId="train-title"
        title="Train"
        sub={
          <>
            A small network learns &ldquo;{project.phrase}&rdquo; on top of a pre-trained speech
            model, here in the page, or on a worker that takes the job from the queue (the
            dashboard&rsquo;s own, or one on another machine).
          </>
        }
      >
        <div className="card-body">
          <TrainingSettingsForm
            place={place}
            onPlaceChange={setPlace}
            workerSettings={
              <WorkerSettingsFields minutes={minutes} onChange={setMinutes} disabled={workerBusy} />
            }
            settings={settings}
            onChange={setSettings}
            onStart={begin}
            blocked={shortfall}
            running={busy || workerBusy}
          />
          {shortfall ? (
            <Message kind="error" testId="training-shortfall">
              {shortfall}
            </Message>
          ) : null}
          {worker.state.problem ? (
            <Message kind="error" testId="worker-run-problem">
              {worker.state.problem}
            </Message>
          ) : null}
        </div>
      </Card>
      {workerView ? (
        <Card
          titleId="worker-run-title"
          title="Training on a worker"
          sub="Progress, curves and log come from the job; each point is one epoch on held-out voices."
        >
          <div className="card-body">
            <WorkerTrainingRun
              view={workerView}
              cancelling={worker.state.cancelling}
              onCancel={() => void worker.cancel()}
            />
          </div>
        </Card>
      ) : null}
      {run.status !== "idle" ? (
        <Card
          titleId="run-title"
          title="Learning curves"
          sub="Each point is one epoch, measured on voices held out from training."
          data-testid="training-run"
          data-status={run.status}
        >
          <div className="card-body">
            {busy ? <TrainingProgress run={run} onCancel={cancel} /> : null}
            <LearningCurvesChart
              transfer={run.transfer}
              scratch={shown.compareScratch ? run.scratch : undefined}
              epochs={shown.epochs}
              falseAcceptRate={CLIP_FALSE_ACCEPT_RATE}
            />
            {run.log
              .filter(
                (line) => line.level === "warn" && line.message !== run.outcome?.verdict?.warning,
              )
              .map((line) => (
                <Message kind="error" key={line.message}>
                  {line.message}
                </Message>
              ))}
            {run.outcome ? <VerdictPanel outcome={run.outcome} /> : null}
            {run.log.length > 0 ? (
              <details className="more-settings" style={{ marginTop: 12 }}>
                <summary>Training log</summary>
                <ul className="hint" data-testid="training-log">
                  {run.log.map((line, i) => (
                    <li key={i}>{line.message}</li>
                  ))}
                </ul>
              </details>
            ) : null}
            {run.status === "done" ? (
              <Message kind="ok" testId="training-saved">
                Saved as a model of this project (threshold {run.model?.threshold.toFixed(3)}).
              </Message>
            ) : null}
            {run.status === "failed" ? (
              <div data-testid="training-failed" data-kind={run.failure?.kind}>
                <Message kind={run.failure?.kind === "cancelled" ? "ok" : "error"}>
                  {failureText(run)}
                </Message>
                {run.failure?.kind === "save" ? (
                  <button
                    className="button button-small"
                    type="button"
                    style={{ marginTop: 10 }}
                    onClick={() => void retrySave()}
                  >
                    Try saving again
                  </button>
                ) : null}
              </div>
            ) : null}
          </div>
        </Card>
      ) : null}
      <ModelList
        projectId={project.id}
        models={models}
        onDeleted={(gone) => setModels((all) => all.filter((m) => m.id !== gone.id))}
      />
    </div>
  );
}
