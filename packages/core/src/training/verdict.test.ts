import { describe, expect, it } from "vitest";
import type { EpochMetrics } from "./epoch-metrics.js";
import { compareLearningCurves } from "./verdict.js";

const curve = (values: number[]): EpochMetrics[] =>
  values.map((recallAtFar, i) => ({
    epoch: i + 1,
    loss: 1 - recallAtFar,
    accuracy: recallAtFar,
    recallAtFar,
    thresholdAtFar: 0.5,
    valAccuracy: recallAtFar,
    valLoss: 1 - recallAtFar,
    seconds: 1,
    validationSeconds: 0.1,
  }));

describe("compareLearningCurves", () => {
  it("transfer higher start, steeper slope, higher end: paid off, with numbers", () => {
    const verdict = compareLearningCurves(
      curve([0.5, 0.7, 0.8, 0.85, 0.9, 0.92]),
      curve([0.1, 0.15, 0.2, 0.3, 0.4, 0.5]),
    );
    expect(verdict.start).toMatchObject({ transfer: 0.5, scratch: 0.1, transferBetter: true });
    expect(verdict.slope.transfer).toBeCloseTo(0.15);
    expect(verdict.slope.scratch).toBeCloseTo(0.05);
    expect(verdict.end.difference).toBeCloseTo(0.42);
    expect(verdict.transferPaidOff).toBe(true);
    expect(verdict.negativeTransfer).toBe(false);
    expect(verdict.warning).toBeUndefined();
    expect(verdict.summary).toMatch(/start: transfer 50\.0% vs scratch 10\.0%/);
    expect(verdict.overtakesAtEpoch).toBe(1);
  });

  it("ending below scratch is negative transfer, with a plain warning", () => {
    const verdict = compareLearningCurves(
      curve([0.3, 0.35, 0.4, 0.4]),
      curve([0.1, 0.3, 0.5, 0.7]),
    );
    expect(verdict.negativeTransfer).toBe(true);
    expect(verdict.warning).toMatch(/Negative transfer.*ended below/);
  });

  it("starting lower and never overtaking is negative transfer even at a tie at the end", () => {
    const verdict = compareLearningCurves(curve([0.1, 0.2, 0.5]), curve([0.3, 0.4, 0.5]));
    expect(verdict.overtakesAtEpoch).toBeUndefined();
    expect(verdict.negativeTransfer).toBe(true);
  });

  it("starting lower but overtaking is not negative", () => {
    const verdict = compareLearningCurves(curve([0.1, 0.5, 0.9]), curve([0.3, 0.4, 0.5]));
    expect(verdict.overtakesAtEpoch).toBe(2);
    expect(verdict.negativeTransfer).toBe(false);
  });

  it("compares the common epochs of curves of different length and refuses empty ones", () => {
    expect(compareLearningCurves(curve([0.5, 0.6, 0.7]), curve([0.2])).end.transfer).toBe(0.5);
    expect(() => compareLearningCurves([], curve([0.2]))).toThrow(RangeError);
  });

  it("measures the slope from the untrained models when they are given", () => {
    const transfer = curve([0.8, 0.9, 0.92, 0.93, 0.94, 0.95]);
    const scratch = curve([0.0, 0.2, 0.4, 0.5, 0.6, 0.65]);
    expect(compareLearningCurves(transfer, scratch).slope.transferBetter).toBe(false);
    const verdict = compareLearningCurves(transfer, scratch, {
      initial: { transfer: 0.05, scratch: 0.05 },
    });
    // First third of 6 epochs: 2 steps from epoch 0 to epoch 2.
    expect(verdict.slope.transfer).toBeCloseTo((0.9 - 0.05) / 2);
    expect(verdict.slope.scratch).toBeCloseTo((0.2 - 0.05) / 2);
    expect(verdict.transferPaidOff).toBe(true);
  });
});
