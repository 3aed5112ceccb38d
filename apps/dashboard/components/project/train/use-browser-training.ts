"use client";

// The Train tab's side of training in the browser: one Web Worker per page (it keeps the base
// network and the embeddings of earlier runs), its messages folded into one state the tab
// draws, Cancel through the worker's AbortSignal, and the finished model uploaded to the server.
import type { BackendReport, EpochMetrics, TrainingStage } from "@wakeforge/core/browser";
import { useCallback, useEffect, useReducer, useRef } from "react";
import { api, errorMessage } from "../../../lib/client/api-client";
import type { TrainedModel } from "../../../lib/store/types";
import type { RuntimeFileUrls } from "../../../lib/runtime-files/runtime-file-names";
import type { TrainingClipRef } from "../../../lib/training/training-data";
import type {
  FromWorker,
  PreparationStep,
  ToWorker,
  TrainingFailureKind,
  TrainingOutcome,
  TrainingSettings,
} from "../../../lib/training/training-protocol";

/**
 * How long Cancel waits for the worker to stop through its AbortSignal before ending it.
 * trainWakeWord checks the signal between clips and epochs, but a worker reads the cancel
 * message only when its event loop turns: while fetching and embedding (WebCrypto hashes yield)
 * it does, inside the synchronous training epochs it does not, so there the worker is terminated.
 */
const CANCEL_GRACE_MILLIS = 1_000;

export type RunStatus = "idle" | "running" | "saving" | "done" | "failed";

export interface TrainingRun {
  readonly status: RunStatus;
  readonly settings: TrainingSettings | undefined;
  /** What the run is doing now: getting ready, or one of trainWakeWord's stages. */
  readonly step: PreparationStep | TrainingStage | undefined;
  readonly detail: string | undefined;
  readonly backend: BackendReport | undefined;
  /** Of trainWakeWord's work, 0…1, and its estimate of the seconds left. */
  readonly fraction: number;
  readonly etaSeconds: number | undefined;
  readonly transfer: readonly EpochMetrics[];
  readonly scratch: readonly EpochMetrics[];
  /** trainWakeWord's log lines (info and warnings), oldest first. */
  readonly log: readonly { readonly level: "info" | "warn"; readonly message: string }[];
  readonly cancelling: boolean;
  readonly outcome: TrainingOutcome | undefined;
  readonly model: TrainedModel | undefined;
  /** Why the run ended without a stored model ("save": trained, but the upload failed). */
  readonly failure:
    { readonly kind: TrainingFailureKind | "save"; readonly message: string } | undefined;
}

const IDLE: TrainingRun = {
  status: "idle",
  settings: undefined,
  step: undefined,
  detail: undefined,
  backend: undefined,
  fraction: 0,
  etaSeconds: undefined,
  transfer: [],
  scratch: [],
  log: [],
  cancelling: false,
  outcome: undefined,
  model: undefined,
  failure: undefined,
};

type Action =
  | { type: "start"; settings: TrainingSettings }
  | { type: "worker"; message: FromWorker }
  | { type: "cancelling" }
  | { type: "saved"; model: TrainedModel }
  | { type: "save-failed"; message: string }
  | { type: "saving" };

function reduce(run: TrainingRun, action: Action): TrainingRun {
  switch (action.type) {
    case "start":
      return { ...IDLE, status: "running", settings: action.settings, step: "backend" };
    case "cancelling":
      return { ...run, cancelling: true };
    case "saving":
      return { ...run, status: "saving", failure: undefined };
    case "saved":
      return { ...run, status: "done", model: action.model };
    case "save-failed":
      return { ...run, status: "failed", failure: { kind: "save", message: action.message } };
    case "worker":
      break;
  }
  const message = action.message;
  switch (message.type) {
    case "preparing":
      return { ...run, step: message.step, detail: message.detail };
    case "backend":
      return { ...run, backend: message.report };
    case "stage":
      return { ...run, step: message.stage, detail: undefined };
    case "progress":
      return { ...run, fraction: message.fraction, etaSeconds: message.etaSeconds };
    case "epoch":
      if (message.run === "transfer")
        return { ...run, transfer: [...run.transfer, message.metrics] };
      if (message.run === "scratch") return { ...run, scratch: [...run.scratch, message.metrics] };
      return run;
    case "log":
      return { ...run, log: [...run.log, { level: message.level, message: message.message }] };
    case "done":
      return { ...run, status: "saving", fraction: 1, etaSeconds: 0, outcome: message.outcome };
    case "failed":
      return {
        ...run,
        status: "failed",
        cancelling: false,
        failure: { kind: message.kind, message: message.message },
      };
  }
}

export interface BrowserTrainingOptions {
  readonly projectId: string;
  readonly phrase: string;
  readonly files: RuntimeFileUrls;
  /** Called once a trained model is stored on the server. */
  readonly onSaved: (model: TrainedModel) => void;
}

export function useBrowserTraining({ projectId, phrase, files, onSaved }: BrowserTrainingOptions) {
  const [run, dispatch] = useReducer(reduce, IDLE);
  const worker = useRef<Worker | undefined>(undefined);
  /** The last trained model's files, kept until stored so a failed upload can be retried. */
  const pending = useRef<Readonly<Record<string, Uint8Array | string>> | undefined>(undefined);
  const cancelTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saved = useRef(onSaved);
  useEffect(() => {
    saved.current = onSaved;
  }, [onSaved]);

  const save = useCallback(async () => {
    const modelFiles = pending.current;
    if (!modelFiles) return;
    dispatch({ type: "saving" });
    try {
      const model = await api.saveModel(projectId, modelFiles);
      pending.current = undefined;
      dispatch({ type: "saved", model });
      saved.current(model);
    } catch (failure) {
      dispatch({ type: "save-failed", message: errorMessage(failure) });
    }
  }, [projectId]);

  const workerFor = useCallback((): Worker => {
    if (worker.current) return worker.current;
    // Next's bundler builds a worker written this way with its own imports. A classic worker:
    // Turbopack's worker bootstrap loads its chunks with importScripts, which module workers lack.
    const created = new Worker(new URL("./training.worker.ts", import.meta.url), {
      name: "wakeforge-training",
    });
    created.onmessage = (event: MessageEvent<FromWorker>) => {
      if (event.data.type === "failed" || event.data.type === "done") {
        clearTimeout(cancelTimer.current);
      }
      dispatch({ type: "worker", message: event.data });
      if (event.data.type === "done") {
        pending.current = event.data.files;
        void save();
      }
    };
    created.onerror = (event) => {
      event.preventDefault();
      worker.current?.terminate();
      worker.current = undefined;
      dispatch({
        type: "worker",
        message: {
          type: "failed",
          kind: "failed",
          message: `The training worker stopped: ${event.message || "it could not be loaded"}. Reload the page and try again.`,
        },
      });
    };
    worker.current = created;
    return created;
  }, [save]);

  const start = useCallback(
    (settings: TrainingSettings, clips: readonly TrainingClipRef[]) => {
      dispatch({ type: "start", settings });
      let target: Worker;
      try {
        target = workerFor();
      } catch (error) {
        dispatch({
          type: "worker",
          message: {
            type: "failed",
            kind: "backend",
            message: `This browser cannot train in the background (Web Workers: ${errorMessage(error)}).`,
          },
        });
        return;
      }
      const absolute = (url: string) => new URL(url, window.location.href).toString();
      const message: ToWorker = {
        type: "train",
        phrase,
        settings,
        files: { baseModel: absolute(files.baseModel), wasmPrefix: absolute(files.wasmPrefix) },
        clips: clips.map((clip) => ({ ...clip, url: absolute(clip.url) })),
      };
      target.postMessage(message);
    },
    [files, phrase, workerFor],
  );

  const cancel = useCallback(() => {
    const target = worker.current;
    if (!target) return;
    dispatch({ type: "cancelling" });
    const message: ToWorker = { type: "cancel" };
    target.postMessage(message);
    clearTimeout(cancelTimer.current);
    cancelTimer.current = setTimeout(() => {
      target.terminate();
      if (worker.current === target) worker.current = undefined;
      dispatch({
        type: "worker",
        message: { type: "failed", kind: "cancelled", message: "Training was cancelled." },
      });
    }, CANCEL_GRACE_MILLIS);
  }, []);

  // Leaving the page stops training and frees the worker's memory (the base, the embeddings).
  useEffect(
    () => () => {
      clearTimeout(cancelTimer.current);
      worker.current?.terminate();
      worker.current = undefined;
    },
    [],
  );

  return { run, start, cancel, retrySave: save };
}
