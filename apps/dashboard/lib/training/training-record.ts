// The training record kept with every model (`metrics.json`, as `wakeforge train` writes it):
// the curves, the verdict, the held-out split and the calibration. The worker builds it from
// trainWakeWord's result; the server reads back the summary it lists models by.
import type {
  EpochMetrics,
  InitialMetrics,
  TrainWakeWordResult,
  TransferVerdict,
} from "@wakeforge/core/browser";
import type { TransferVerdictKind } from "../store/types";
import type { TrainingSettings } from "./training-protocol";

export const TRAINING_RECORD_FILE = "metrics.json";

export interface TrainingRecord {
  readonly phrase: string;
  /** Where it trained: "browser" (this page) or a worker. */
  readonly trainedIn: "browser";
  /** The TensorFlow.js backend that ran, e.g. "wasm". */
  readonly backend: string;
  readonly base: string;
  readonly seed: number;
  readonly epochs: number;
  readonly settings: TrainingSettings;
  readonly curves: {
    readonly transfer: readonly EpochMetrics[];
    readonly scratch?: readonly EpochMetrics[];
  };
  readonly initial: { readonly transfer: InitialMetrics; readonly scratch?: InitialMetrics };
  readonly verdict?: TransferVerdict;
  readonly calibration: {
    readonly falseAcceptRate: number;
    readonly thresholdAtFar: number;
    readonly recallAtFar: number;
    readonly recallBySource: { readonly synthetic?: number; readonly recorded?: number };
    /** Which negatives set the threshold: the held-out negative clips (speaker-disjoint). */
    readonly thresholdFrom: string;
    readonly positiveScores: readonly number[];
    readonly negativeClipScores: readonly number[];
  };
  readonly counts: TrainWakeWordResult["counts"];
  readonly split: TrainWakeWordResult["split"];
  readonly seconds: TrainWakeWordResult["seconds"] & { readonly total: number };
}

/** A threshold a manifest accepts: the calibrated one in [0, 1], or 0.5 when none could be set. */
export function usableThreshold(threshold: number): number {
  return Number.isFinite(threshold) ? Math.min(1, Math.max(0, threshold)) : 0.5;
}

export function buildTrainingRecord(input: {
  readonly phrase: string;
  readonly backend: string;
  readonly settings: TrainingSettings;
  /** The seed trainWakeWord ran with. */
  readonly seed: number;
  readonly result: TrainWakeWordResult;
  readonly totalSeconds: number;
}): TrainingRecord {
  const { result, settings } = input;
  const { calibration } = result;
  return {
    phrase: input.phrase,
    trainedIn: "browser",
    backend: input.backend,
    base: settings.base,
    seed: input.seed,
    epochs: settings.epochs,
    settings,
    curves: result.curves.scratch
      ? { transfer: result.curves.transfer, scratch: result.curves.scratch }
      : { transfer: result.curves.transfer },
    initial: result.initial,
    ...(result.verdict ? { verdict: result.verdict } : {}),
    calibration: {
      falseAcceptRate: calibration.falseAcceptRate,
      thresholdAtFar: usableThreshold(calibration.thresholdAtFar),
      recallAtFar: calibration.recallAtFar,
      recallBySource: calibration.recallBySource,
      thresholdFrom: "held-out negative clips (voices never trained on)",
      positiveScores: Array.from(calibration.positiveScores),
      negativeClipScores: Array.from(calibration.negativeClipScores),
    },
    counts: result.counts,
    split: result.split,
    seconds: { ...result.seconds, total: input.totalSeconds },
  };
}

/** The comparison in one word, for lists and badges. */
export function verdictKind(
  verdict: Pick<TransferVerdict, "transferPaidOff" | "negativeTransfer">,
): TransferVerdictKind {
  if (verdict.negativeTransfer) return "negative-transfer";
  return verdict.transferPaidOff ? "transfer-helped" : "mixed";
}
