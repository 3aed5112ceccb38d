import { createSeededRandom } from "@wakeforge/audio";
import { describe, expect, it } from "vitest";
import { detectInScores } from "../detector/detection-policy.js";
import { calibrateThreshold, detCurve, detThresholds } from "./det-curve.js";
import {
  clipOutcome,
  countFalseAccepts,
  estimatePhraseEndSeconds,
  falseAcceptSteps,
  falseAcceptsPerHour,
  percentile,
  smoothScores,
} from "./stream-metrics.js";

const STEP = 0.08;

/** A quiet stream with bursts of high scores. */
function withBursts(
  length: number,
  bursts: readonly { at: number; steps: number; height: number }[],
): Float32Array {
  const scores = Float32Array.from({ length }, (_, i) => 0.02 + 0.01 * Math.sin(i));
  for (const burst of bursts)
    for (let i = burst.at; i < burst.at + burst.steps; i += 1) scores[i] = burst.height;
  return scores;
}

/** Deterministic pseudo-random scores in [0, 1). */
function noisyScores(length: number, seed: number): Float32Array {
  const random = createSeededRandom(seed);
  return Float32Array.from({ length }, () => random.next() ** 6);
}

describe("false accepts with a refractory period", () => {
  it("counts a burst of high scores once, and a burst after the refractory period again", () => {
    const scores = withBursts(400, [
      { at: 20, steps: 8, height: 0.9 },
      { at: 32, steps: 3, height: 0.95 }, // 0.96 s after the first: the same wake
      { at: 100, steps: 5, height: 0.8 },
      { at: 300, steps: 1, height: 0.7 },
    ]);
    expect(countFalseAccepts(scores, 0.5, { refractorySeconds: 2 })).toBe(3);
    expect(falseAcceptSteps(scores, 0.5, { refractorySeconds: 2 })).toEqual([20, 100, 300]);
    expect(countFalseAccepts(scores, 0.5, { refractorySeconds: 0 })).toBe(8 + 3 + 5 + 1);
    expect(countFalseAccepts(scores, 0.85, { refractorySeconds: 2 })).toBe(1);
    // 32 steps = 2.56 s: the second burst counts again with a 2.5 s refractory, not with 2.6 s.
    expect(
      countFalseAccepts(
        withBursts(100, [
          { at: 10, steps: 1, height: 1 },
          { at: 42, steps: 1, height: 1 },
        ]),
        0.5,
        { refractorySeconds: 2.56 },
      ),
    ).toBe(2);
    expect(
      countFalseAccepts(
        withBursts(100, [
          { at: 10, steps: 1, height: 1 },
          { at: 42, steps: 1, height: 1 },
        ]),
        0.5,
        { refractorySeconds: 2.6 },
      ),
    ).toBe(1);
  });

  it("agrees with the live DetectionTracker, smoothing included", () => {
    const scores = noisyScores(3000, 3);
    for (const threshold of [0.2, 0.5, 0.8, 0.95]) {
      for (const refractorySeconds of [0, 0.5, 2, 3.3]) {
        for (const smoothingSteps of [1, 3]) {
          const live = detectInScores(scores, STEP, {
            threshold,
            refractorySeconds,
            smoothingSteps,
          });
          const ours = falseAcceptSteps(smoothScores(scores, smoothingSteps), threshold, {
            refractorySeconds,
          });
          expect(ours.map((i) => Number(((i + 1) * STEP).toFixed(6)))).toEqual(
            live.map((d) => Number(d.timeSeconds.toFixed(6))),
          );
        }
      }
    }
  });

  it("divides by hours of audio", () => {
    const scores = withBursts(45_000, [
      { at: 100, steps: 3, height: 1 },
      { at: 20_000, steps: 3, height: 1 },
    ]);
    const rate = falseAcceptsPerHour([{ scores, durationSeconds: 1800 }], 0.5);
    expect(rate).toEqual({ falseAccepts: 2, hours: 0.5, perHour: 4 });
  });
});

describe("positive clips", () => {
  it("counts a crossing inside the clip or within the tolerance after the phrase, and measures latency from the phrase's end", () => {
    // Steps end at 2.0, 2.08, …; the clip starts at 2.0 s and the phrase ends at 3.0 s.
    const scores = new Float32Array(40).fill(0.1);
    scores[20] = 0.9; // ends at 3.6 s
    const clip = { scores, firstTimeSeconds: 2, clipStartSeconds: 2, phraseEndSeconds: 3 };
    const outcome = clipOutcome(clip, 0.5, 1);
    expect(outcome.detected).toBe(true);
    expect(outcome.latencySeconds).toBeCloseTo(0.6, 6);
    expect(clipOutcome(clip, 0.5, 0.5).detected).toBe(false);
    expect(clipOutcome(clip, 0.95, 1)).toEqual({
      maxScore: expect.closeTo(0.9, 6),
      detected: false,
    });
  });

  it("estimates where speech ends in a clip with trailing silence", () => {
    const samples = new Float32Array(16_000 * 2);
    for (let i = 0; i < 16_000; i += 1) samples[i] = 0.5 * Math.sin(i * 0.1);
    for (let i = 16_000; i < samples.length; i += 1) samples[i] = 1e-4 * Math.sin(i);
    expect(estimatePhraseEndSeconds(samples, 16_000)).toBeCloseTo(1, 2);
  });

  it("percentiles interpolate", () => {
    expect(percentile([1, 2, 3, 4, 5], 50)).toBe(3);
    expect(percentile([0, 10], 90)).toBeCloseTo(9, 9);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe("DET curve and threshold calibration", () => {
  const negatives = [
    { scores: noisyScores(45_000, 11), durationSeconds: 3600 },
    { scores: noisyScores(20_000, 12), durationSeconds: 1600 },
  ];
  const positives = Array.from({ length: 50 }, (_, i) => 0.5 + (0.5 * ((i * 37) % 50)) / 50);

  it("sweeps at most 200 thresholds, with false rejects never falling and false accepts never rising", () => {
    const det = detCurve({ positiveScores: positives, negatives, refractorySeconds: 2 });
    expect(det.length).toBeLessThanOrEqual(200);
    expect(det.length).toBeGreaterThan(100);
    for (let i = 1; i < det.length; i += 1) {
      const [a, b] = [det[i - 1], det[i]];
      if (!a || !b) throw new Error("missing point");
      expect(b.threshold).toBeGreaterThan(a.threshold);
      expect(b.falseRejectRate).toBeGreaterThanOrEqual(a.falseRejectRate);
      expect(b.falseAcceptsPerHour).toBeLessThanOrEqual(a.falseAcceptsPerHour);
    }
    // The region near the operating point is covered: several points under 5 FA/h.
    expect(
      det.filter((p) => p.falseAcceptsPerHour > 0 && p.falseAcceptsPerHour < 5).length,
    ).toBeGreaterThan(5);
  });

  it("keeps every distinct score when there are few", () => {
    expect(detThresholds([0.9, 0.8, 0.9], [[0.1, 0.2, 0.1]])).toEqual([
      expect.closeTo(0.1, 6),
      expect.closeTo(0.2, 6),
      0.8,
      0.9,
    ]);
  });

  it("calibrates the lowest threshold that meets the false-accept target", () => {
    for (const target of [0.5, 2, 10]) {
      const calibration = calibrateThreshold({
        negativeScores: negatives,
        targetFalseAcceptsPerHour: target,
        refractorySeconds: 2,
      });
      expect(calibration.met).toBe(true);
      expect(calibration.falseAcceptsPerHour).toBeLessThanOrEqual(target);
      const rate = falseAcceptsPerHour(negatives, calibration.threshold, { refractorySeconds: 2 });
      expect(rate.perHour).toBe(calibration.falseAcceptsPerHour);
      // A hair lower and the budget is blown: it is the lowest.
      const lower = falseAcceptsPerHour(negatives, calibration.threshold - 1e-6, {
        refractorySeconds: 2,
      });
      expect(lower.perHour).toBeGreaterThan(target);
    }
  });

  it("returns 0 when nothing ever fires, and says when no threshold meets the target", () => {
    const quiet = [{ scores: new Float32Array(1000), durationSeconds: 80 }];
    // Every step fires at 0: the budget cannot allow that, but a hair above 0 fires nothing.
    const calibration = calibrateThreshold({
      negativeScores: quiet,
      targetFalseAcceptsPerHour: 0.5,
    });
    expect(calibration.threshold).toBeGreaterThan(0);
    expect(calibration.threshold).toBeLessThan(1e-30);
    expect(calibration.falseAccepts).toBe(0);
    const loud = [{ scores: new Float32Array(1000).fill(1), durationSeconds: 80 }];
    expect(calibrateThreshold({ negativeScores: loud }).met).toBe(false);
  });
});
