import { describe, expect, it } from "vitest";
import { accuracyAt, recallAtFalseAcceptRate } from "./clip-metrics.js";

describe("recallAtFalseAcceptRate", () => {
  it("picks the lowest threshold that accepts at most the allowed share of negatives", () => {
    const negatives = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95];
    const positives = [0.99, 0.92, 0.85, 0.5, 0.2];
    // 10% of 10 negatives: one false accept allowed (0.95), so 0.9 must be rejected.
    const { recall, threshold } = recallAtFalseAcceptRate(positives, negatives, 0.1);
    expect(threshold).toBeGreaterThan(0.9);
    expect(threshold).toBeLessThan(0.9 + 1e-12);
    expect(recall).toBeCloseTo(2 / 5);
    const accepted = negatives.filter((s) => s >= threshold).length;
    expect(accepted).toBeLessThanOrEqual(1);
  });

  it("at zero false accepts rejects every negative, ties included", () => {
    const { recall, threshold } = recallAtFalseAcceptRate([1, 1, 0.9], [1, 0.2], 0);
    expect(threshold).toBeGreaterThan(1);
    expect(recall).toBe(0);
  });

  it("with no negatives accepts every positive; with no positives recall is 0", () => {
    expect(recallAtFalseAcceptRate([0.3, 0.7], [], 0.05).recall).toBe(1);
    expect(recallAtFalseAcceptRate([], [0.3], 0.05).recall).toBe(0);
    expect(
      recallAtFalseAcceptRate(new Float32Array([0.9]), new Float32Array([0.1]), 1).recall,
    ).toBe(1);
  });

  it("refuses a rate outside 0..1", () => {
    expect(() => recallAtFalseAcceptRate([1], [0], 1.5)).toThrow(RangeError);
  });
});

describe("accuracyAt", () => {
  it("counts positives at or above and negatives below the threshold", () => {
    expect(accuracyAt([0.9, 0.4], [0.1, 0.6], 0.5)).toBe(0.5);
    expect(accuracyAt([0.5], [0.49], 0.5)).toBe(1);
    expect(accuracyAt([], [], 0.5)).toBe(0);
  });
});
