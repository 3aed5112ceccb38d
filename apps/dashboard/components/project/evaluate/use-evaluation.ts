"use client";

import { useCallback, useEffect, useState } from "react";
import { api, errorMessage } from "../../../lib/client/api-client";
import type { EvaluationStatus } from "../../../lib/evaluation/evaluation-types";

/** How often a running evaluation is asked for its progress. */
const POLL_MILLIS = 400;

/**
 * The evaluation of one model on the server: its last run (fetched when the model changes),
 * polled while it runs; `start` and `cancel` act on it. `error` is a failed call, not a failed
 * evaluation (that is `run.state === "failed"` with `run.error`).
 */
export function useEvaluation(projectId: string, modelId: string | undefined) {
  const [run, setRun] = useState<EvaluationStatus | null>(null);
  const [error, setError] = useState<string | undefined>(undefined);

  useEffect(() => {
    setRun(null);
    setError(undefined);
    if (!modelId) return;
    let live = true;
    api
      .evaluationStatus(projectId, modelId)
      .then((status) => live && setRun(status))
      .catch((failure: unknown) => live && setError(errorMessage(failure)));
    return () => {
      live = false;
    };
  }, [projectId, modelId]);

  const running = run?.state === "running" && run.modelId === modelId;
  useEffect(() => {
    if (!running || !modelId) return;
    const timer = setInterval(() => {
      api
        .evaluationStatus(projectId, modelId)
        .then(setRun)
        .catch((failure: unknown) => setError(errorMessage(failure)));
    }, POLL_MILLIS);
    return () => clearInterval(timer);
  }, [running, projectId, modelId]);

  const start = useCallback(
    async (targetFalseAcceptsPerHour?: number) => {
      if (!modelId) return;
      setError(undefined);
      try {
        setRun(await api.startEvaluation(projectId, modelId, targetFalseAcceptsPerHour));
      } catch (failure) {
        setError(errorMessage(failure));
      }
    },
    [projectId, modelId],
  );

  const cancel = useCallback(async () => {
    if (!modelId) return;
    try {
      setRun(await api.cancelEvaluation(projectId, modelId));
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }, [projectId, modelId]);

  return { run: run?.modelId === modelId ? run : null, running, error, start, cancel };
}
