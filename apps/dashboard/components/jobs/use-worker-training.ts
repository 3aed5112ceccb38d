"use client";

// The Train tab's side of training on a worker: queue the job, follow it through the API until
// it is over and settled (its model stored), and cancel it through the queue.
import { useCallback, useState } from "react";
import { api, errorMessage } from "../../lib/client/api-client";
import type { WorkerTrainingView } from "../../lib/jobs/job-types";
import type { TrainedModel, WorkerTrainingSettings } from "../../lib/store/types";
import { usePolling } from "./use-polling";

const POLL_MILLIS = 1_000;

export interface WorkerTrainingState {
  readonly view: WorkerTrainingView | undefined;
  /** Queuing or following failed (the server did not answer, refused the settings…). */
  readonly problem: string | undefined;
  readonly submitting: boolean;
  readonly cancelling: boolean;
}

/** Over for the page: the job ended and the dashboard dealt with its end. */
export function isSettled(view: WorkerTrainingView | undefined): boolean {
  return view !== undefined && view.training.settledAt !== null;
}

export function useWorkerTraining(options: {
  readonly projectId: string;
  /** A training still under way when the page was loaded, to follow from the start. */
  readonly initial: WorkerTrainingView | undefined;
  readonly onSaved: (model: TrainedModel) => void;
}) {
  const { projectId, onSaved } = options;
  const [state, setState] = useState<WorkerTrainingState>({
    view: options.initial,
    problem: undefined,
    submitting: false,
    cancelling: false,
  });
  const jobId = state.view?.training.jobId;

  const refresh = useCallback(async () => {
    if (!jobId) return;
    try {
      const view = await api.workerTraining(projectId, jobId);
      setState((s) => ({ ...s, view, problem: undefined }));
      if (view.model && isSettled(view)) onSaved(view.model);
    } catch (failure) {
      setState((s) => ({ ...s, problem: errorMessage(failure) }));
    }
  }, [jobId, onSaved, projectId]);
  usePolling(refresh, POLL_MILLIS, jobId !== undefined && !isSettled(state.view));

  const start = useCallback(
    async (settings: WorkerTrainingSettings) => {
      setState({ view: undefined, problem: undefined, submitting: true, cancelling: false });
      try {
        const view = await api.trainOnWorker(projectId, settings);
        setState({ view, problem: undefined, submitting: false, cancelling: false });
      } catch (failure) {
        setState({
          view: undefined,
          problem: errorMessage(failure),
          submitting: false,
          cancelling: false,
        });
      }
    },
    [projectId],
  );

  const cancel = useCallback(async () => {
    if (!jobId) return;
    setState((s) => ({ ...s, cancelling: true }));
    try {
      await api.cancelJob(jobId);
    } catch (failure) {
      setState((s) => ({ ...s, cancelling: false, problem: errorMessage(failure) }));
    }
  }, [jobId]);

  return { state, start, cancel };
}
