// Stream-level metrics, as wake-word engines are judged: false accepts per hour of negative
// audio with a refractory period, recall on positive clips, detection latency. Pure functions
// over score series, so the command line, the dashboard and tests compute the same numbers.
import { DEFAULT_REFRACTORY_SECONDS } from "../detector/detection-policy.js";
import { WakeforgeCoreError } from "../errors.js";
import { EMBEDDING_STEP_SECONDS } from "../features/feature-timeline.js";

/** Options shared by the counting functions. */
export interface FalseAcceptOptions {
  /** After a false accept, no other counts for this long (one burst, one wake). Default 2 s. */
  readonly refractorySeconds?: number;
  /** Seconds between scores. Default 0.08 (one score per embedding). */
  readonly stepSeconds?: number;
}

/** Tolerance for float step arithmetic: 2 s / 0.08 s is 25 steps, not 24.999999. */
const STEP_EPSILON = 1e-9;

function refractorySteps(options: FalseAcceptOptions): number {
  const refractory = options.refractorySeconds ?? DEFAULT_REFRACTORY_SECONDS;
  const step = options.stepSeconds ?? EMBEDDING_STEP_SECONDS;
  if (!(refractory >= 0)) {
    throw new WakeforgeCoreError(
      "BAD_ARGUMENT",
      `refractorySeconds must be ≥ 0, got ${refractory}`,
    );
  }
  if (!(step > 0)) {
    throw new WakeforgeCoreError("BAD_ARGUMENT", `stepSeconds must be > 0, got ${step}`);
  }
  return refractory / step - STEP_EPSILON;
}

/**
 * Moving average over the last `steps` scores (fewer at the start), exactly as
 * DetectionTracker smooths before its threshold. `steps` = 1 returns the input unchanged.
 */
export function smoothScores(scores: Float32Array, steps: number): Float32Array {
  if (!Number.isInteger(steps) || steps < 1) {
    throw new WakeforgeCoreError(
      "BAD_ARGUMENT",
      `smoothingSteps must be a positive integer, got ${steps}`,
    );
  }
  if (steps === 1) return scores;
  const out = new Float32Array(scores.length);
  let sum = 0;
  for (let i = 0; i < scores.length; i += 1) {
    sum += scores[i] ?? 0;
    if (i >= steps) sum -= scores[i - steps] ?? 0;
    out[i] = sum / Math.min(i + 1, steps);
  }
  return out;
}

/**
 * Indices of the steps that fire at `threshold`: a score at or above it fires unless a previous
 * firing lies less than `refractorySeconds` before (the same rule as DetectionTracker, so a
 * burst of high scores from one utterance counts once).
 */
export function falseAcceptSteps(
  scores: ArrayLike<number>,
  threshold: number,
  options: FalseAcceptOptions = {},
): number[] {
  const quiet = refractorySteps(options);
  const fired: number[] = [];
  let quietUntil = -Infinity;
  for (let i = 0; i < scores.length; i += 1) {
    if ((scores[i] ?? 0) >= threshold && i >= quietUntil) {
      fired.push(i);
      quietUntil = i + quiet;
    }
  }
  return fired;
}

/** How many times a stream fires at `threshold` (see falseAcceptSteps). */
export function countFalseAccepts(
  scores: ArrayLike<number>,
  threshold: number,
  options: FalseAcceptOptions = {},
): number {
  const quiet = refractorySteps(options);
  let count = 0;
  let quietUntil = -Infinity;
  for (let i = 0; i < scores.length; i += 1) {
    if ((scores[i] ?? 0) >= threshold && i >= quietUntil) {
      count += 1;
      quietUntil = i + quiet;
    }
  }
  return count;
}

/** A stream of negative audio: its scores and how long the audio lasted. */
export interface NegativeStream {
  readonly scores: ArrayLike<number>;
  readonly durationSeconds: number;
}

export interface FalseAcceptRate {
  readonly falseAccepts: number;
  readonly hours: number;
  /** falseAccepts / hours (0 when there is no audio). */
  readonly perHour: number;
}

/** False accepts per hour over one or more negative streams at `threshold`. */
export function falseAcceptsPerHour(
  streams: readonly NegativeStream[],
  threshold: number,
  options: FalseAcceptOptions = {},
): FalseAcceptRate {
  let falseAccepts = 0;
  let seconds = 0;
  for (const stream of streams) {
    falseAccepts += countFalseAccepts(stream.scores, threshold, options);
    seconds += stream.durationSeconds;
  }
  const hours = seconds / 3600;
  return { falseAccepts, hours, perHour: hours > 0 ? falseAccepts / hours : 0 };
}

/** One clip's scores placed in time: step i ends `firstTimeSeconds + i·stepSeconds` in. */
export interface ClipScores {
  readonly scores: ArrayLike<number>;
  readonly firstTimeSeconds: number;
  readonly stepSeconds?: number;
  /** Where the clip (the phrase) starts in the scored audio, seconds. */
  readonly clipStartSeconds: number;
  /** Where the phrase ends in the scored audio, seconds. */
  readonly phraseEndSeconds: number;
}

export interface ClipOutcome {
  /** Highest score of a step that may count for this clip (see clipWindow). */
  readonly maxScore: number;
  /** Whether a counted step reached the threshold. */
  readonly detected: boolean;
  /** First crossing minus the end of the phrase (negative: it fired before the phrase ended). */
  readonly latencySeconds?: number;
}

/** Default time after the end of a phrase within which a detection still counts. */
export const DEFAULT_DETECTION_TOLERANCE_SECONDS = 1;

/**
 * Whether a clip is detected at `threshold`: any step whose audio ends within the clip or up to
 * `toleranceSeconds` after the phrase's end crosses. Latency runs from the phrase's end to the
 * end of the first such step.
 */
export function clipOutcome(
  clip: ClipScores,
  threshold: number,
  toleranceSeconds: number = DEFAULT_DETECTION_TOLERANCE_SECONDS,
): ClipOutcome {
  const step = clip.stepSeconds ?? EMBEDDING_STEP_SECONDS;
  let maxScore = -Infinity;
  let firstCrossing: number | undefined;
  for (let i = 0; i < clip.scores.length; i += 1) {
    const t = clip.firstTimeSeconds + i * step;
    if (t <= clip.clipStartSeconds + STEP_EPSILON) continue;
    if (t > clip.phraseEndSeconds + toleranceSeconds + STEP_EPSILON) break;
    const score = clip.scores[i] ?? 0;
    if (score > maxScore) maxScore = score;
    if (firstCrossing === undefined && score >= threshold) firstCrossing = t;
  }
  if (maxScore === -Infinity) maxScore = 0;
  return firstCrossing === undefined
    ? { maxScore, detected: false }
    : { maxScore, detected: true, latencySeconds: firstCrossing - clip.phraseEndSeconds };
}

export interface RecallSummary {
  readonly detected: number;
  readonly total: number;
  /** detected / total; NaN when there are no clips. */
  readonly recall: number;
}

/** Recall of clips whose best counted score is known: a clip is caught when it reaches the threshold. */
export function recallAt(maxScores: readonly number[], threshold: number): RecallSummary {
  const detected = maxScores.filter((s) => s >= threshold).length;
  return {
    detected,
    total: maxScores.length,
    recall: maxScores.length > 0 ? detected / maxScores.length : Number.NaN,
  };
}

/** The p-th percentile (0…100) with linear interpolation; NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (Math.min(100, Math.max(0, p)) / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const a = sorted[low] ?? Number.NaN;
  const b = sorted[high] ?? Number.NaN;
  return a + (b - a) * (rank - low);
}

export interface LatencySummary {
  readonly count: number;
  readonly p50Seconds: number;
  readonly p90Seconds: number;
  readonly meanSeconds: number;
}

/** p50, p90 and mean of detection latencies (NaN when nothing was detected). */
export function summarizeLatency(latencies: readonly number[]): LatencySummary {
  return {
    count: latencies.length,
    p50Seconds: percentile(latencies, 50),
    p90Seconds: percentile(latencies, 90),
    meanSeconds:
      latencies.length > 0 ? latencies.reduce((a, b) => a + b, 0) / latencies.length : Number.NaN,
  };
}

/**
 * Where a phrase ends in a clip when nobody said: the end of the last 10 ms frame louder than
 * `floorDb` below the clip's loudest frame (synthetic clips carry trailing silence, and a
 * latency measured from the end of that silence would flatter the detector).
 */
export function estimatePhraseEndSeconds(
  samples: Float32Array,
  sampleRateHz: number,
  floorDb = 40,
): number {
  const frame = Math.max(1, Math.round(sampleRateHz / 100));
  const frames = Math.ceil(samples.length / frame);
  const energies = new Float64Array(frames);
  let peak = 0;
  for (let f = 0; f < frames; f += 1) {
    let sum = 0;
    const end = Math.min(samples.length, (f + 1) * frame);
    for (let i = f * frame; i < end; i += 1) sum += (samples[i] ?? 0) ** 2;
    energies[f] = sum / Math.max(1, end - f * frame);
    if ((energies[f] ?? 0) > peak) peak = energies[f] ?? 0;
  }
  if (peak === 0) return samples.length / sampleRateHz;
  const floor = peak * 10 ** (-floorDb / 10);
  for (let f = frames - 1; f >= 0; f -= 1) {
    if ((energies[f] ?? 0) >= floor)
      return Math.min(samples.length, (f + 1) * frame) / sampleRateHz;
  }
  return samples.length / sampleRateHz;
}
