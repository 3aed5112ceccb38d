// Detection error trade-off: how many real wakes are missed (false-reject rate) against how
// often the detector wakes on its own (false accepts per hour of negative audio), for a sweep of
// thresholds, and the threshold that meets a false-accept target.
//
// The threshold is set on long, general negative audio (speech, music, noise) only. Near-miss
// phrases ("hey nover" for "hey nova") teach the head during training but never set the
// threshold: the head is meant to score some of them high, and a threshold pushed above every
// one of them climbs to 0.9999, where real recall collapses. They are reported apart, as the
// confusable false-accept rate.
import { DEFAULT_REFRACTORY_SECONDS } from "../detector/detection-policy.js";
import { WakeforgeCoreError } from "../errors.js";
import {
  countFalseAccepts,
  type FalseAcceptOptions,
  type NegativeStream,
} from "./stream-metrics.js";

export interface DetPoint {
  readonly threshold: number;
  /** Share of positives whose best score stays below the threshold (1 − recall). */
  readonly falseRejectRate: number;
  readonly falseAcceptsPerHour: number;
}

export const DEFAULT_DET_POINTS = 200;
export const DEFAULT_TARGET_FALSE_ACCEPTS_PER_HOUR = 0.5;

/** Sorted (ascending) distinct finite values. */
function distinctSorted(values: Iterable<number>): number[] {
  const sorted = Float64Array.from([...values].filter(Number.isFinite)).sort();
  const out: number[] = [];
  for (const v of sorted) if (out.length === 0 || v !== out[out.length - 1]) out.push(v);
  return out;
}

/** Up to `count` items of `sorted`, evenly spread by rank, first and last included. */
function evenlyThinned(sorted: readonly number[], count: number): number[] {
  if (sorted.length <= count) return [...sorted];
  if (count <= 1) return sorted.slice(-1);
  const out: number[] = [];
  for (let i = 0; i < count; i += 1) {
    out.push(sorted[Math.round((i * (sorted.length - 1)) / (count - 1))] ?? 0);
  }
  return out;
}

/**
 * Thresholds for a DET sweep: every distinct score, thinned to at most `maxPoints`. Half the
 * budget goes to the positives' best scores (evenly by rank: even steps of false-reject rate),
 * half to negative scores taken from the top at geometrically growing ranks (even steps on the
 * log false-accept axis), so a million near-zero negative scores cannot crowd out the region
 * where the operating point lies.
 */
export function detThresholds(
  positiveScores: readonly number[],
  negativeScores: readonly ArrayLike<number>[],
  maxPoints: number = DEFAULT_DET_POINTS,
): number[] {
  const positives = distinctSorted(positiveScores);
  const negatives = distinctSorted(
    (function* () {
      for (const series of negativeScores)
        for (let i = 0; i < series.length; i += 1) yield series[i] ?? 0;
    })(),
  );
  const all = distinctSorted([...positives, ...negatives]);
  if (all.length <= maxPoints) return all;
  const half = Math.max(1, Math.floor(maxPoints / 2));
  const picked = new Set<number>(evenlyThinned(positives, half));
  const fromTop: number[] = [];
  const negativeBudget = maxPoints - picked.size;
  const ratio = Math.max(1.0001, negatives.length ** (1 / Math.max(1, negativeBudget - 1)));
  let rank = 1;
  while (fromTop.length < negativeBudget && rank <= negatives.length) {
    fromTop.push(negatives[negatives.length - Math.round(rank)] ?? 0);
    rank = Math.max(rank + 1, rank * ratio);
  }
  for (const v of fromTop) picked.add(v);
  return evenlyThinned(distinctSorted(picked), maxPoints);
}

export interface DetCurveInput {
  /** Each positive clip's best counted score (see clipOutcome). */
  readonly positiveScores: readonly number[];
  /** Long negative audio: score series and durations. */
  readonly negatives: readonly NegativeStream[];
  readonly refractorySeconds?: number;
  readonly stepSeconds?: number;
  /** Default 200. */
  readonly maxPoints?: number;
  /** Sweep these instead of the scores' own values. */
  readonly thresholds?: readonly number[];
}

/**
 * The DET curve, thresholds ascending: false-reject rate never falls and false accepts per hour
 * never rise as the threshold rises (a higher threshold fires on a subset of the steps, and the
 * refractory greedy count of a subset is never larger).
 */
export function detCurve(input: DetCurveInput): DetPoint[] {
  const thresholds =
    input.thresholds !== undefined
      ? distinctSorted(input.thresholds)
      : detThresholds(
          input.positiveScores,
          input.negatives.map((n) => n.scores),
          input.maxPoints ?? DEFAULT_DET_POINTS,
        );
  const options: FalseAcceptOptions = {
    refractorySeconds: input.refractorySeconds ?? DEFAULT_REFRACTORY_SECONDS,
    ...(input.stepSeconds !== undefined ? { stepSeconds: input.stepSeconds } : {}),
  };
  const hours = input.negatives.reduce((s, n) => s + n.durationSeconds, 0) / 3600;
  const positives = [...input.positiveScores].sort((a, b) => a - b);
  let below = 0;
  return thresholds.map((threshold) => {
    while (below < positives.length && (positives[below] ?? 0) < threshold) below += 1;
    let falseAccepts = 0;
    for (const n of input.negatives)
      falseAccepts += countFalseAccepts(n.scores, threshold, options);
    return {
      threshold,
      falseRejectRate: positives.length > 0 ? below / positives.length : Number.NaN,
      falseAcceptsPerHour: hours > 0 ? falseAccepts / hours : 0,
    };
  });
}

export interface CalibrateThresholdInput {
  /** Long general negative audio (speech, music, noise). Never near-miss phrases: see above. */
  readonly negativeScores: readonly NegativeStream[];
  /** Default 0.5 false accepts per hour. */
  readonly targetFalseAcceptsPerHour?: number;
  readonly refractorySeconds?: number;
  readonly stepSeconds?: number;
  /**
   * When the audio is too short to show the target rate (target × hours < 1: not even one false
   * accept may happen in it), raise the threshold to where the tail of the false-accept rate,
   * fitted over the strongest false accepts, reaches the target. Default false.
   */
  readonly extrapolateTail?: boolean;
}

/** The fitted tail: ln(false accepts per hour) = intercept + slope · logit(threshold). */
export interface FalseAcceptTail {
  readonly intercept: number;
  readonly slope: number;
  /** False accepts (strongest first) the fit used. */
  readonly events: number;
}

export interface ThresholdCalibration {
  /** The lowest threshold at which the negatives fire at most the target rate. */
  readonly threshold: number;
  readonly falseAccepts: number;
  readonly falseAcceptsPerHour: number;
  readonly hours: number;
  readonly targetFalseAcceptsPerHour: number;
  /** False when even a threshold of 1 fires more often than the target. */
  readonly met: boolean;
  /**
   * "observed": the lowest threshold meeting the target on this audio. "extrapolated": raised
   * to where the fitted tail reaches the target (the audio was too short to show it).
   */
  readonly method: "observed" | "extrapolated";
  readonly tail?: FalseAcceptTail;
}

/** False accepts the tail fit uses at most, and needs at least. */
const TAIL_EVENTS = 12;
const MIN_TAIL_EVENTS = 8;

const logit = (p: number) => Math.log(p / (1 - p));

/** The largest float32 below 1: a threshold that a score of exactly 1 still passes. */
const LARGEST_FLOAT32_BELOW_1 = 1 - 2 ** -24;

/**
 * Least-squares line through (logit(threshold_k), ln(k / hours)) for the k-th strongest false
 * accept. Peaks of a detector's score on general audio have a roughly exponential tail in logit
 * space, so the line is how the rate keeps falling above the strongest false accept observed.
 */
export function fitFalseAcceptTail(
  eventThresholds: readonly number[],
  hours: number,
): FalseAcceptTail | undefined {
  const points = eventThresholds
    .map((t, k) => ({ x: logit(t), y: Math.log((k + 1) / hours) }))
    .filter((p) => Number.isFinite(p.x));
  if (points.length < MIN_TAIL_EVENTS) return undefined;
  const mx = points.reduce((s, p) => s + p.x, 0) / points.length;
  const my = points.reduce((s, p) => s + p.y, 0) / points.length;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.x - mx) * (p.y - my);
    sxx += (p.x - mx) ** 2;
  }
  if (!(sxx > 0) || !(sxy < 0)) return undefined;
  const slope = sxy / sxx;
  return { intercept: my - slope * mx, slope, events: points.length };
}

/** The smallest float32 above `value` (thresholds compare against float32 scores). */
function nextFloat32Above(value: number): number {
  const f = new Float32Array([value]);
  const bits = new Int32Array(f.buffer);
  const current = f[0] ?? 0;
  if (current > value) return current;
  if (current === 0) {
    bits[0] = 1;
  } else if (current > 0) {
    bits[0] = (bits[0] ?? 0) + 1;
  } else {
    bits[0] = (bits[0] ?? 0) - 1;
  }
  return f[0] ?? value;
}

/**
 * The lowest threshold whose false accepts per hour on `negativeScores` are at most the target:
 * just above the highest negative score that would still push the rate over it (0 when nothing
 * does). Lower thresholds catch more real wakes, so the lowest one that meets the budget is the
 * right operating point. A binary search over the distinct negative scores (the count can only
 * change at one of them, and never rises with the threshold).
 */
export function calibrateThreshold(input: CalibrateThresholdInput): ThresholdCalibration {
  const target = input.targetFalseAcceptsPerHour ?? DEFAULT_TARGET_FALSE_ACCEPTS_PER_HOUR;
  if (!(target >= 0)) {
    throw new WakeforgeCoreError(
      "BAD_ARGUMENT",
      `targetFalseAcceptsPerHour must be ≥ 0, got ${target}`,
    );
  }
  const hours = input.negativeScores.reduce((s, n) => s + n.durationSeconds, 0) / 3600;
  if (!(hours > 0)) {
    throw new WakeforgeCoreError(
      "NO_NEGATIVE_AUDIO",
      "calibrating a threshold needs negative audio (none given)",
    );
  }
  const options: FalseAcceptOptions = {
    refractorySeconds: input.refractorySeconds ?? DEFAULT_REFRACTORY_SECONDS,
    ...(input.stepSeconds !== undefined ? { stepSeconds: input.stepSeconds } : {}),
  };
  const count = (threshold: number) =>
    input.negativeScores.reduce((s, n) => s + countFalseAccepts(n.scores, threshold, options), 0);
  const meets = (falseAccepts: number) => falseAccepts / hours <= target + 1e-12;
  const result = (threshold: number, falseAccepts: number, met: boolean): ThresholdCalibration => ({
    threshold,
    falseAccepts,
    falseAcceptsPerHour: falseAccepts / hours,
    hours,
    targetFalseAcceptsPerHour: target,
    met,
    method: "observed",
  });

  const atZero = count(0);
  if (meets(atZero)) return result(0, atZero, true);
  const values = distinctSorted(
    (function* () {
      for (const n of input.negativeScores)
        for (let i = 0; i < n.scores.length; i += 1) yield n.scores[i] ?? 0;
    })(),
  );
  // Thresholds in (values[i − 1], values[i]] all fire on the same steps, so the candidates are
  // "just above values[i]"; the smallest i whose candidate meets the target gives the answer
  // (i = −1, a threshold of 0, failed above).
  const above = (i: number) => nextFloat32Above(values[i] ?? 0);
  // The smallest i whose candidate lets through few enough false accepts (the count never rises
  // with the threshold, so a binary search finds it).
  const lowestPassing = (fewEnough: (falseAccepts: number) => boolean): number => {
    let lo = 0;
    let hi = values.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (fewEnough(count(above(mid)))) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const threshold = Math.min(1, above(lowestPassing(meets)));
  const falseAccepts = count(threshold);
  const observed = result(threshold, falseAccepts, meets(falseAccepts));
  if (!input.extrapolateTail || !(target > 0) || target * hours >= 1) return observed;

  // The k-th strongest false accept sits at the lowest threshold that lets fewer than k through
  // (strongest first).
  const eventThresholds: number[] = [];
  for (let k = 1; k <= TAIL_EVENTS; k += 1) {
    const peak = values[lowestPassing((falseAccepts) => falseAccepts <= k - 1)] ?? 1;
    if (count(peak) < k) break; // fewer than k false accepts even at the lowest score
    eventThresholds.push(peak);
  }
  const tail = fitFalseAcceptTail(eventThresholds, hours);
  if (!tail) return observed;
  const projected = 1 / (1 + Math.exp(-(Math.log(target) - tail.intercept) / tail.slope));
  if (!(projected > threshold)) return { ...observed, tail };
  const raised = Math.min(projected, LARGEST_FLOAT32_BELOW_1);
  const raisedFalseAccepts = count(raised);
  return {
    ...result(raised, raisedFalseAccepts, meets(raisedFalseAccepts)),
    method: "extrapolated",
    tail,
  };
}
