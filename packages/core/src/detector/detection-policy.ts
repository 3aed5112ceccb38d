import { WakeforgeCoreError } from "../errors.js";

/** How scores become detections. */
export interface DetectionPolicy {
  /** A (smoothed) score at or above this fires. 0..1. */
  readonly threshold: number;
  /** Scores averaged over this many steps before the threshold (1 = no smoothing). */
  readonly smoothingSteps?: number;
  /** After a detection, no other fires for this long: one utterance, one wake. */
  readonly refractorySeconds?: number;
}

export interface Detection {
  /** Seconds from the start of the stream to the end of the step that fired. */
  readonly timeSeconds: number;
  /** The smoothed score that crossed the threshold. */
  readonly score: number;
}

export const DEFAULT_REFRACTORY_SECONDS = 2;

/**
 * The smoothing wakeforge calibrates its trained heads with: the mean of the last two 80 ms
 * scores. A speech or music spike that lasts one step stays under the threshold while the
 * phrase holds its score for several, so the threshold that allows 1 false accept per hour
 * drops and recall rises ("hey nova", 58 held-out clips of 29 voices, one generated hour:
 * 89.7 % → 94.8 %; three or four steps: 93.1 %, as they blunt the phrase's own peak).
 */
export const TRAINED_HEAD_SMOOTHING_STEPS = 2;

function checkPolicy(policy: DetectionPolicy): Required<DetectionPolicy> {
  const { threshold, smoothingSteps = 1, refractorySeconds = DEFAULT_REFRACTORY_SECONDS } = policy;
  if (!(threshold >= 0 && threshold <= 1)) {
    throw new WakeforgeCoreError("BAD_POLICY", `threshold must be in [0, 1], got ${threshold}`);
  }
  if (!Number.isInteger(smoothingSteps) || smoothingSteps < 1) {
    throw new WakeforgeCoreError(
      "BAD_POLICY",
      `smoothingSteps must be a positive integer, got ${smoothingSteps}`,
    );
  }
  if (!(refractorySeconds >= 0)) {
    throw new WakeforgeCoreError(
      "BAD_POLICY",
      `refractorySeconds must be ≥ 0, got ${refractorySeconds}`,
    );
  }
  return { threshold, smoothingSteps, refractorySeconds };
}

/**
 * Turns one head's score stream into detections: a moving average over the last
 * `smoothingSteps` scores, the threshold, then a refractory period. Pure bookkeeping, so batch
 * evaluation and live streams share it and agree.
 */
export class DetectionTracker {
  private current: Required<DetectionPolicy>;
  private readonly recent: number[] = [];
  private sum = 0;
  private quietUntilSeconds = -Infinity;

  constructor(policy: DetectionPolicy) {
    this.current = checkPolicy(policy);
  }

  get policy(): Required<DetectionPolicy> {
    return this.current;
  }

  /**
   * A new threshold from the next score on, keeping the smoothing window and any refractory
   * period under way: a live stream's threshold can move without losing its state.
   */
  setThreshold(threshold: number): void {
    this.current = checkPolicy({ ...this.current, threshold });
  }

  /** Feeds the score of the step ending at `timeSeconds`; returns a detection when one fires. */
  update(score: number, timeSeconds: number): (Detection & { smoothed: number }) | undefined {
    this.recent.push(score);
    this.sum += score;
    if (this.recent.length > this.policy.smoothingSteps) this.sum -= this.recent.shift() ?? 0;
    const smoothed = this.sum / this.recent.length;
    if (smoothed >= this.policy.threshold && timeSeconds >= this.quietUntilSeconds) {
      this.quietUntilSeconds = timeSeconds + this.policy.refractorySeconds;
      return { timeSeconds, score: smoothed, smoothed };
    }
    return undefined;
  }

  reset(): void {
    this.recent.length = 0;
    this.sum = 0;
    this.quietUntilSeconds = -Infinity;
  }
}

/** Detections in a whole score sequence (one score per `stepSeconds`, first step ending at it). */
export function detectInScores(
  scores: ArrayLike<number>,
  stepSeconds: number,
  policy: DetectionPolicy,
): Detection[] {
  const tracker = new DetectionTracker(policy);
  const detections: Detection[] = [];
  for (let i = 0; i < scores.length; i += 1) {
    const fired = tracker.update(scores[i] ?? 0, (i + 1) * stepSeconds);
    if (fired) detections.push({ timeSeconds: fired.timeSeconds, score: fired.score });
  }
  return detections;
}
