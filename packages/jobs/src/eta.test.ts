import { describe, expect, it } from "vitest";
import { createEtaEstimator, formatDuration } from "./eta.js";

/** A small deterministic generator (xorshift32), so simulated update times vary but repeat. */
function randomSequence(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 2 ** 32;
  };
}

interface Sample {
  readonly trueFraction: number;
  readonly trueRemainingSeconds: number;
  readonly eta: number | undefined;
}

/**
 * Feeds an estimator a job that takes `totalSeconds` at a constant rate after `startupSeconds`,
 * reporting every 0.5–2 s; every seventh report is a stale value 2 % behind.
 */
function simulateConstantRate(totalSeconds: number, startupSeconds = 0): Sample[] {
  const estimator = createEtaEstimator();
  const random = randomSequence(42);
  const samples: Sample[] = [];
  const startMs = 1_000_000;
  estimator.update(0, startMs);
  let seconds = startupSeconds;
  for (let report = 1; seconds < startupSeconds + totalSeconds; report++) {
    const trueFraction = (seconds - startupSeconds) / totalSeconds;
    const reported = report % 7 === 0 ? Math.max(0, trueFraction - 0.02) : trueFraction;
    const eta = estimator.update(reported, startMs + seconds * 1000);
    samples.push({ trueFraction, trueRemainingSeconds: totalSeconds * (1 - trueFraction), eta });
    seconds += 0.5 + 1.5 * random();
  }
  return samples;
}

function relativeError(sample: Sample): number {
  if (sample.eta === undefined) return Infinity;
  return Math.abs(sample.eta - sample.trueRemainingSeconds) / sample.trueRemainingSeconds;
}

describe("createEtaEstimator", () => {
  it("converges to the true remaining time of a constant-rate job within 10 %", () => {
    const samples = simulateConstantRate(600);
    const settled = samples.filter((s) => s.trueFraction >= 0.1 && s.trueFraction <= 0.9);
    expect(settled.length).toBeGreaterThan(100);
    for (const sample of settled) expect(relativeError(sample)).toBeLessThan(0.1);
  });

  it("is not thrown off by a slow start before the first progress", () => {
    const samples = simulateConstantRate(600, 45);
    // Within a few steps of the first progress, the 45 s of start-up are already forgotten.
    const settled = samples.filter((s) => s.trueFraction >= 0.03 && s.trueFraction <= 0.9);
    for (const sample of settled) expect(relativeError(sample)).toBeLessThan(0.1);
  });

  it("gives no estimate until there is enough progress to judge", () => {
    const estimator = createEtaEstimator({ minProgress: 0.05 });
    expect(estimator.update(0, 0)).toBeUndefined();
    expect(estimator.update(0.02, 1000)).toBeUndefined();
    expect(estimator.update(0.04, 2000)).toBeUndefined();
    const eta = estimator.update(0.06, 3000);
    // 2 % a second from here on: 94 % left takes 47 s.
    expect(eta).toBeCloseTo(47, 5);
  });

  it("grows while a job stalls and recovers once it moves again", () => {
    const estimator = createEtaEstimator();
    let eta: number | undefined;
    // 1 % a second for 40 s.
    for (let second = 0; second <= 40; second++)
      eta = estimator.update(second / 100, second * 1000);
    let fraction = 0.4;
    let nowMs = 41_000;
    const beforeStall = eta ?? NaN;
    expect(beforeStall).toBeCloseTo(60, 5);

    // Two minutes with reports but no progress: the estimate must never shrink, must end far
    // above where it started, and never reaches zero.
    let previous = beforeStall;
    for (let i = 0; i < 120; i++, nowMs += 1000) {
      const stalled = estimator.update(fraction, nowMs) ?? NaN;
      expect(stalled).toBeGreaterThanOrEqual(previous);
      previous = stalled;
    }
    expect(previous).toBeGreaterThan(beforeStall + 100);

    // Progress resumes at the old rate: within ten steps the estimate is true to 10 % again.
    for (let step = 1; step <= 10; step++, nowMs += 1000) {
      fraction += 0.01;
      eta = estimator.update(fraction, nowMs);
    }
    const remaining = (1 - fraction) * 100;
    expect(Math.abs((eta ?? NaN) - remaining) / remaining).toBeLessThan(0.1);
  });

  it("ignores reports that go backwards and ones it cannot use", () => {
    const steady = createEtaEstimator();
    const noisy = createEtaEstimator();
    for (let second = 0; second <= 20; second++) {
      const fraction = second / 100;
      steady.update(fraction, second * 1000);
      noisy.update(fraction, second * 1000);
      noisy.update(fraction / 2, second * 1000 + 500); // a stale report half a second later
      noisy.update(Number.NaN, second * 1000 + 600);
    }
    expect(noisy.update(0.2, 20_700)).toBeCloseTo(steady.update(0.2, 20_700) ?? NaN, 9);
  });

  it("keeps progress reported in the same millisecond for the next step", () => {
    const estimator = createEtaEstimator();
    estimator.update(0, 0);
    estimator.update(0.1, 1000);
    estimator.update(0.2, 2000);
    estimator.update(0.3, 2000); // no time passed: not a step of its own
    // Steps of 0.1 in 1 s, then 0.2 in 1 s (the same-millisecond report folded in): 0.12/s.
    expect(estimator.update(0.4, 3000)).toBeCloseTo(0.6 / 0.12, 5);
  });

  it("says 0 s once the job is done and clamps fractions beyond it", () => {
    const estimator = createEtaEstimator();
    estimator.update(0.5, 0);
    expect(estimator.update(1.5, 1000)).toBe(0);
  });

  it("rejects smoothing outside (0, 1]", () => {
    expect(() => createEtaEstimator({ smoothing: 0 })).toThrow(/smoothing .* got 0/);
    expect(() => createEtaEstimator({ smoothing: 1.5 })).toThrow(RangeError);
    expect(() => createEtaEstimator({ smoothing: 1 })).not.toThrow();
  });
});

describe("formatDuration", () => {
  it.each([
    [0, "0s"],
    [12, "12s"],
    [12.4, "12s"],
    [59.6, "1m 00s"],
    [185, "3m 05s"],
    [3599, "59m 59s"],
    [3720, "1h 02m"],
    [3749, "1h 02m"],
    [3751, "1h 03m"],
    [100 * 3600, "100h 00m"],
    [-5, "0s"],
    [Number.NaN, "--"],
    [Infinity, "--"],
  ])("formats %s s as %s", (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});
