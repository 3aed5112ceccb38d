"use client";

import type { EpochMetrics } from "@wakeforge/core/browser";
import Link from "next/link";
import type { JobEpoch, WorkerTrainingView } from "../../lib/jobs/job-types";
import { CLIP_FALSE_ACCEPT_RATE } from "../../lib/training/training-protocol";
import { Message } from "../message";
import { LearningCurvesChart } from "../project/train/learning-curves-chart";
import { JobLogLines } from "./job-log-lines";
import { JobProgress } from "./job-progress";

/**
 * A logged epoch in the shape the curve charts draw. The job's log carries loss, accuracy and the
 * held-out recall and loss; the measures it leaves out are NaN, which the charts skip.
 */
export function curvePoint(epoch: JobEpoch): EpochMetrics {
  return {
    epoch: epoch.epoch,
    loss: epoch.loss,
    accuracy: epoch.accuracy,
    recallAtFar: epoch.recallAtFar ?? Number.NaN,
    valLoss: epoch.valLoss ?? Number.NaN,
    thresholdAtFar: Number.NaN,
    valAccuracy: Number.NaN,
    seconds: Number.NaN,
  };
}

interface WorkerTrainingRunProps {
  readonly view: WorkerTrainingView;
  readonly cancelling: boolean;
  readonly onCancel: () => void;
}

/** A training on a worker, followed live: progress and time left, curves, log, and its end. */
export function WorkerTrainingRun({ view, cancelling, onCancel }: WorkerTrainingRunProps) {
  const { job, training, log, model } = view;
  const state = job?.state ?? "gone";
  const epochsOf = (run: JobEpoch["run"]) =>
    log.epochs.filter((e) => e.run === run).map(curvePoint);
  const active = state === "queued" || state === "running";
  return (
    <div data-testid="worker-run" data-state={state} data-settled={training.settledAt !== null}>
      <div className="actions" style={{ justifyContent: "space-between" }}>
        <span data-testid="worker-run-where">
          Job <Link href="/jobs">{training.jobId}</Link>{" "}
          {state === "queued"
            ? "is waiting in the queue for a worker"
            : job?.worker
              ? `${active ? "runs" : "ran"} on worker ${job.worker}${job.backend ? ` (TensorFlow.js on ${job.backend})` : ""}`
              : ""}
        </span>
        {active ? (
          <button
            className="button button-small"
            type="button"
            onClick={onCancel}
            disabled={cancelling || job?.cancelRequested}
            data-testid="worker-run-cancel"
          >
            {cancelling || job?.cancelRequested ? "Stopping…" : "Cancel"}
          </button>
        ) : null}
      </div>
      {job ? <JobProgress job={job} /> : null}
      <LearningCurvesChart
        transfer={epochsOf("transfer")}
        scratch={training.settings.compareScratch ? epochsOf("scratch") : undefined}
        epochs={training.settings.epochs}
        falseAcceptRate={CLIP_FALSE_ACCEPT_RATE}
      />
      {model ? (
        <Message kind="ok" testId="worker-run-saved">
          Saved as a model of this project (threshold {model.threshold.toFixed(3)}), trained in the{" "}
          {model.trainedIn}.
        </Message>
      ) : null}
      {state === "cancelled" ? (
        <Message kind="ok" testId="worker-run-cancelled">
          The job was cancelled; nothing was saved.
        </Message>
      ) : null}
      {state === "failed" || training.recordError ? (
        <Message kind="error" testId="worker-run-failed">
          {training.recordError ?? job?.error?.message ?? "The job failed."}
        </Message>
      ) : null}
      {log.lines.length > 0 ? (
        <details className="more-settings" style={{ marginTop: 12 }}>
          <summary>Job log</summary>
          <JobLogLines lines={log.lines} />
        </details>
      ) : !log.available && job?.worker ? (
        <p className="hint">The job&rsquo;s log is on the machine of worker {job.worker}.</p>
      ) : null}
    </div>
  );
}
