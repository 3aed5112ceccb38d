// Calibration audio is short (minutes) while the target is rare (0.5 false accepts per hour):
// the observed rule can only say "nothing fired here", which in a longer stretch of the same kind
// of audio fires several times an hour. These streams have a known tail, so the true rate at any
// threshold is known exactly.
import { createSeededRandom } from "@wakeforge/audio";
import { describe, expect, it } from "vitest";
import { calibrateThreshold, fitFalseAcceptTail } from "./det-curve.js";

const STEP_SECONDS = 0.08;
// False-accept peaks: RATE_AT_HALF per hour above 0.5, thinning by e every TAIL_SCALE in logit.
const RATE_AT_HALF = 40;
const TAIL_SCALE = 0.7;
const trueRate = (threshold: number) =>
  RATE_AT_HALF * Math.exp(-Math.log(threshold / (1 - threshold)) / TAIL_SCALE);

/** `minutes` of scores: quiet, with isolated peaks whose logits follow the tail above. */
function stream(minutes: number, seed: string) {
  const random = createSeededRandom(seed);
  const steps = Math.round((minutes * 60) / STEP_SECONDS);
  const scores = new Float32Array(steps).fill(0.01);
  const events = Math.round((RATE_AT_HALF * minutes) / 60);
  // Evenly spread slots (far apart compared with the refractory period), one peak in each.
  const slot = Math.floor(steps / events);
  for (let e = 0; e < events; e += 1) {
    const logit = -TAIL_SCALE * Math.log(1 - random.next());
    scores[e * slot + random.nextInt(slot - 1)] = 1 / (1 + Math.exp(-logit));
  }
  return { scores, durationSeconds: minutes * 60 };
}

describe("threshold calibration on short audio", () => {
  it("fits the tail of the false-accept rate: the slope the streams were made with", () => {
    const negatives = stream(600, "fit");
    const peaks = Array.from(negatives.scores)
      .filter((s) => s > 0.5)
      .sort((a, b) => b - a)
      .slice(0, 40);
    const tail = fitFalseAcceptTail(peaks, 10);
    expect(tail).toBeDefined();
    expect(-1 / (tail?.slope ?? 0)).toBeCloseTo(TAIL_SCALE, 0);
    expect(fitFalseAcceptTail([0.9, 0.8], 1)).toBeUndefined(); // too few events to fit
  });

  it("raises a threshold the audio cannot vouch for to where the tail meets the target", () => {
    const target = 0.5;
    const observed: number[] = [];
    const extrapolated: number[] = [];
    for (const seed of ["a", "b", "c", "d", "e", "f"]) {
      const negativeScores = [stream(30, seed)];
      const plain = calibrateThreshold({ negativeScores, targetFalseAcceptsPerHour: target });
      const fitted = calibrateThreshold({
        negativeScores,
        targetFalseAcceptsPerHour: target,
        extrapolateTail: true,
      });
      expect(plain.method).toBe("observed");
      expect(fitted.method).toBe("extrapolated");
      expect(fitted.threshold).toBeGreaterThan(plain.threshold);
      expect(fitted.tail?.events).toBeGreaterThanOrEqual(8);
      observed.push(trueRate(plain.threshold));
      extrapolated.push(trueRate(fitted.threshold));
    }
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    // Nothing in 30 minutes: more than twice the target in truth.
    expect(mean(observed)).toBeGreaterThan(2 * target);
    expect(mean(extrapolated)).toBeGreaterThan(target / 3);
    expect(mean(extrapolated)).toBeLessThan(2 * target);
  });

  it("keeps the observed threshold when the audio is long enough to show the target", () => {
    const negativeScores = [stream(360, "long")];
    const calibration = calibrateThreshold({
      negativeScores,
      targetFalseAcceptsPerHour: 2,
      extrapolateTail: true,
    });
    expect(calibration.method).toBe("observed");
    expect(calibration.falseAcceptsPerHour).toBeLessThanOrEqual(2);
  });
});
