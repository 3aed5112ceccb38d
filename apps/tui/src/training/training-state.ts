// What the Train screen shows of a run, folded from the job's progress events. Pure, so the
// screen, the plain line output and the tests all read a run the same way.
import type { JobProgressEvent, JobStage, LogLevel, TrainingRun } from "@wakeforge/jobs";
import type { EpochPoint } from "../chart/learning-chart.js";
import type { TrainingEnd } from "./training-run.js";

export type TrainingStatus =
  "starting" | "running" | "stopping" | "completed" | "failed" | "stopped";

export interface LogLine {
  readonly level: LogLevel;
  readonly message: string;
}

export interface TrainingState {
  readonly status: TrainingStatus;
  readonly phrase: string;
  /** The model directory the run writes. */
  readonly model: string;
  readonly plannedEpochs: number;
  readonly stage: JobStage | undefined;
  /** Of the whole run, 0..1. */
  readonly fraction: number;
  readonly curves: Readonly<Record<TrainingRun, readonly EpochPoint[]>>;
  /** The latest lines worth reading, oldest first. */
  readonly log: readonly LogLine[];
  /** Why the run failed. */
  readonly error: string | undefined;
}

const KEPT_LOG_LINES = 50;

export function initialTrainingState(run: {
  readonly phrase: string;
  readonly model: string;
  readonly plannedEpochs: number;
}): TrainingState {
  return {
    status: "starting",
    phrase: run.phrase,
    model: run.model,
    plannedEpochs: run.plannedEpochs,
    stage: undefined,
    fraction: 0,
    curves: { transfer: [], scratch: [], finetune: [] },
    log: [],
    error: undefined,
  };
}

function withLog(state: TrainingState, line: LogLine): TrainingState {
  return { ...state, log: [...state.log, line].slice(-KEPT_LOG_LINES) };
}

/** The state after one progress event. */
export function applyTrainingEvent(state: TrainingState, event: JobProgressEvent): TrainingState {
  const running: TrainingState =
    state.status === "starting" ? { ...state, status: "running" } : state;
  switch (event.type) {
    case "stage":
      return { ...running, stage: event.stage };
    case "progress":
      // Never backwards, as the queue shows it: a second run restarting its count is no loss.
      return { ...running, fraction: Math.max(running.fraction, event.fraction) };
    case "epoch": {
      const { run, epoch, metrics } = event;
      const others = running.curves[run].filter((point) => point.epoch !== epoch);
      const points = [...others, { ...metrics, epoch }].sort((a, b) => a.epoch - b.epoch);
      return { ...running, curves: { ...running.curves, [run]: points } };
    }
    case "log":
      return event.level === "debug"
        ? running
        : withLog(running, { level: event.level, message: event.message });
    case "error":
      return withLog(running, { level: "error", message: `${event.code}: ${event.message}` });
    case "artifacts":
      return running;
  }
}

/** A stop was asked for: the worker finishes its current step first. */
export function markStopping(state: TrainingState): TrainingState {
  return state.status === "starting" || state.status === "running"
    ? { ...state, status: "stopping" }
    : state;
}

export function applyTrainingEnd(state: TrainingState, end: TrainingEnd): TrainingState {
  switch (end.outcome) {
    case "completed":
      return { ...state, status: "completed", fraction: 1, model: end.model };
    case "stopped":
      return { ...state, status: "stopped" };
    case "failed":
      return { ...state, status: "failed", error: end.message };
  }
}

export function isTrainingActive(state: TrainingState | undefined): boolean {
  return (
    state?.status === "starting" || state?.status === "running" || state?.status === "stopping"
  );
}

/** One epoch as a line: "transfer epoch 2: loss 0.6988 recall 50.0 %". */
export function formatEpoch(run: TrainingRun, point: EpochPoint): string {
  const recall =
    typeof point.recallAtFar === "number"
      ? `  recall ${(point.recallAtFar * 100).toFixed(1)} %`
      : "";
  const valLoss =
    typeof point.valLoss === "number" ? `  held-out loss ${point.valLoss.toFixed(4)}` : "";
  return `${run} epoch ${point.epoch}: loss ${point.loss.toFixed(4)}${valLoss}${recall}`;
}
