import { describe, expect, it } from "vitest";
import { DetectionTracker, detectInScores } from "./detection-policy.js";

const STEP = 0.08;

/** Scores of silence with bumps of `height` lasting `steps` at the given step indices. */
function scoresWithBumps(
  length: number,
  bumps: readonly { at: number; steps: number; height: number }[],
): number[] {
  const scores = Array.from({ length }, (_, i) => 0.02 + 0.01 * Math.sin(i));
  for (const bump of bumps)
    for (let i = bump.at; i < bump.at + bump.steps; i += 1) scores[i] = bump.height;
  return scores;
}

describe("detection policy", () => {
  it("fires once per utterance thanks to the refractory period, and again after it", () => {
    const scores = scoresWithBumps(200, [
      { at: 20, steps: 6, height: 0.9 },
      { at: 30, steps: 3, height: 0.9 }, // 0.8 s later: same utterance echo, suppressed
      { at: 100, steps: 4, height: 0.95 },
    ]);
    const detections = detectInScores(scores, STEP, { threshold: 0.5, refractorySeconds: 2 });
    expect(detections.map((d) => Math.round(d.timeSeconds / STEP) - 1)).toEqual([20, 100]);
    const noRefractory = detectInScores(scores, STEP, { threshold: 0.5, refractorySeconds: 0 });
    expect(noRefractory.length).toBe(6 + 3 + 4);
  });

  it("smoothing ignores a single-step spike but keeps a sustained rise", () => {
    const spike = scoresWithBumps(50, [{ at: 10, steps: 1, height: 1 }]);
    const sustained = scoresWithBumps(50, [{ at: 10, steps: 4, height: 0.8 }]);
    expect(detectInScores(spike, STEP, { threshold: 0.5 }).length).toBe(1);
    expect(detectInScores(spike, STEP, { threshold: 0.5, smoothingSteps: 3 })).toEqual([]);
    const smoothed = detectInScores(sustained, STEP, { threshold: 0.5, smoothingSteps: 3 });
    expect(smoothed).toHaveLength(1);
    expect(smoothed[0]?.score).toBeGreaterThanOrEqual(0.5);
  });

  it("a higher threshold never yields more detections", () => {
    const scores = Array.from({ length: 500 }, (_, i) => (Math.sin(i * 0.37) + 1) / 2);
    let previous = Infinity;
    for (const threshold of [0.1, 0.3, 0.5, 0.7, 0.9, 0.99]) {
      const count = detectInScores(scores, STEP, { threshold, refractorySeconds: 0.5 }).length;
      expect(count).toBeLessThanOrEqual(previous);
      previous = count;
    }
  });

  it("takes a new threshold mid-stream, keeping its smoothing and refractory period", () => {
    const tracker = new DetectionTracker({
      threshold: 0.9,
      smoothingSteps: 2,
      refractorySeconds: 1,
    });
    expect(tracker.update(0.6, 0.08)).toBeUndefined();
    tracker.setThreshold(0.5);
    expect(tracker.policy).toEqual({ threshold: 0.5, smoothingSteps: 2, refractorySeconds: 1 });
    // The mean of 0.6 (heard before the change) and 0.5 crosses the new threshold.
    expect(tracker.update(0.5, 0.16)).toMatchObject({ score: 0.55 });
    tracker.setThreshold(0.1);
    expect(tracker.update(0.9, 0.24)).toBeUndefined();
    expect(() => tracker.setThreshold(-0.2)).toThrow("threshold must be in [0, 1], got -0.2");
    expect(tracker.policy.threshold).toBe(0.1);
  });

  it("rejects impossible settings with the value received", () => {
    expect(() => new DetectionTracker({ threshold: 1.5 })).toThrow(
      "threshold must be in [0, 1], got 1.5",
    );
    expect(() => new DetectionTracker({ threshold: 0.5, smoothingSteps: 0 })).toThrow(
      /smoothingSteps/,
    );
  });
});
