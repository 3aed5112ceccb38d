// The seed article's proof that transfer paid off, on numbers: compared with the same network
// trained from scratch, transfer learning should (1) start higher, (2) climb faster, (3) end
// higher. When it ends lower, or starts lower and never overtakes, transfer was negative.
import type { EpochMetrics } from "./epoch-metrics.js";

export type CurveMetric = "recallAtFar" | "valAccuracy" | "accuracy";

export interface VerdictPoint {
  readonly transfer: number;
  readonly scratch: number;
  /** transfer − scratch. */
  readonly difference: number;
  readonly transferBetter: boolean;
}

export interface TransferVerdict {
  readonly metric: CurveMetric;
  /** The first epoch's metric. */
  readonly start: VerdictPoint;
  /**
   * Mean improvement per epoch over the first third of the epochs (at least one step), from the
   * untrained model when `initial` is given, else from the first epoch.
   */
  readonly slope: VerdictPoint;
  /** The last epoch's metric. */
  readonly end: VerdictPoint;
  /** The best epoch's metric. */
  readonly best: VerdictPoint;
  /** Epoch (1-based) at which transfer first exceeded scratch; undefined if never. */
  readonly overtakesAtEpoch: number | undefined;
  /** Transfer beat scratch on all three points. */
  readonly transferPaidOff: boolean;
  readonly negativeTransfer: boolean;
  /** A plain sentence for people when transfer was negative. */
  readonly warning: string | undefined;
  /** One line per point, with numbers. */
  readonly summary: string;
}

export interface VerdictOptions {
  readonly metric?: CurveMetric;
  /** Differences smaller than this count as ties (not better, not worse). Default 0.005. */
  readonly tolerance?: number;
  /**
   * The metric of each untrained model (epoch 0). When given, the slope is measured from it:
   * the improvement per epoch from the untrained start to the end of the first third.
   */
  readonly initial?: { readonly transfer: number; readonly scratch: number };
}

function point(transfer: number, scratch: number, tolerance: number): VerdictPoint {
  const difference = transfer - scratch;
  return { transfer, scratch, difference, transferBetter: difference > tolerance };
}

/**
 * Mean change per epoch over the first third of the epochs (at least one step): from the
 * untrained model's value when `initial` is given, else from the first epoch. The verdict and
 * the learning-curve picture both use this, so they never disagree.
 */
export function earlySlope(values: readonly number[], initial?: number): number {
  if (initial !== undefined) {
    const steps = Math.max(1, Math.floor(values.length / 3));
    return ((values[steps - 1] as number) - initial) / steps;
  }
  if (values.length < 2) return 0;
  const steps = Math.max(1, Math.floor(values.length / 3));
  const last = Math.min(values.length - 1, steps);
  return ((values[last] as number) - (values[0] as number)) / last;
}

const percent = (x: number) => `${(100 * x).toFixed(1)}%`;
const signedPoints = (x: number) => `${x >= 0 ? "+" : ""}${(100 * x).toFixed(1)} pts`;

/**
 * Compares a transfer curve with the scratch curve of the same network, data, epochs and seed.
 * Curves of different lengths are compared over their common epochs.
 */
export function compareLearningCurves(
  transfer: readonly EpochMetrics[],
  scratch: readonly EpochMetrics[],
  options: VerdictOptions = {},
): TransferVerdict {
  const metric = options.metric ?? "recallAtFar";
  const tolerance = options.tolerance ?? 0.005;
  const epochs = Math.min(transfer.length, scratch.length);
  if (epochs === 0) throw new RangeError("compareLearningCurves needs at least one epoch of each");
  const t = transfer.slice(0, epochs).map((m) => m[metric]);
  const s = scratch.slice(0, epochs).map((m) => m[metric]);
  const start = point(t[0] as number, s[0] as number, tolerance);
  const slope = point(
    earlySlope(t, options.initial?.transfer),
    earlySlope(s, options.initial?.scratch),
    tolerance / 10,
  );
  const end = point(t[epochs - 1] as number, s[epochs - 1] as number, tolerance);
  const best = point(Math.max(...t), Math.max(...s), tolerance);
  const overtaking = t.findIndex((value, i) => value - (s[i] as number) > tolerance);
  const overtakesAtEpoch = overtaking >= 0 ? overtaking + 1 : undefined;
  const endsLower = end.difference < -tolerance;
  const neverOvertakes = start.difference < -tolerance && overtakesAtEpoch === undefined;
  const negativeTransfer = endsLower || neverOvertakes;
  const warning = negativeTransfer
    ? `Negative transfer: the pre-trained base hurt. Transfer ${endsLower ? "ended" : "started"} ` +
      `below training from scratch (${metric} ${percent(endsLower ? end.transfer : start.transfer)} ` +
      `vs ${percent(endsLower ? end.scratch : start.scratch)})` +
      (neverOvertakes ? " and never caught up" : "") +
      ". The base's knowledge does not fit this task; try another base, fine-tuning, or more data."
    : undefined;
  const line = (name: string, p: VerdictPoint, format: (x: number) => string) =>
    `${name}: transfer ${format(p.transfer)} vs scratch ${format(p.scratch)} ` +
    `(${signedPoints(p.difference)}${name === "slope" ? "/epoch" : ""}) — ` +
    (p.transferBetter ? "transfer better" : p.difference < -tolerance ? "scratch better" : "tie");
  const summary = [
    line("start", start, percent),
    line("slope", slope, (x) => `${signedPoints(x)}/epoch`),
    line("end", end, percent),
  ].join("\n");
  return {
    metric,
    start,
    slope,
    end,
    best,
    overtakesAtEpoch,
    transferPaidOff: start.transferBetter && slope.transferBetter && end.transferBetter,
    negativeTransfer,
    warning,
    summary,
  };
}
