import { describe, expect, it } from "vitest";
import {
  clampThreshold,
  formatScore,
  scorePath,
  scoreToY,
  timeToX,
  visiblePoints,
  yToThreshold,
  type ChartFrame,
} from "./score-chart";

const frame: ChartFrame = { width: 100, height: 50, spanSeconds: 10, nowSeconds: 20 };

describe("live score chart geometry", () => {
  it("dragging to where a threshold is drawn gives that threshold back", () => {
    for (const threshold of [0, 0.125, 0.5, 0.731, 1]) {
      expect(yToThreshold(scoreToY(threshold, frame.height), frame.height)).toBe(threshold);
    }
  });

  it("keeps thresholds in [0, 1] whatever the pointer or the field says, a drag to 0.001", () => {
    expect(yToThreshold(-30, 50)).toBe(1);
    expect(yToThreshold(80, 50)).toBe(0);
    expect(yToThreshold(10, 0)).toBe(0.5);
    expect(yToThreshold(10.01, 50)).toBe(0.8);
    // Typed or calibrated thresholds keep their precision: 0.9985 and 0.998 differ in practice.
    expect(clampThreshold(0.99848)).toBe(0.99848);
    expect(clampThreshold(Number.NaN)).toBe(0.5);
    expect(clampThreshold(7)).toBe(1);
    expect(clampThreshold(-0.1)).toBe(0);
  });

  it("shows a fourth decimal only near 1", () => {
    expect(formatScore(0.62423)).toBe("0.624");
    expect(formatScore(0.99848)).toBe("0.9985");
  });

  it("scrolls: the newest score at the right edge, ten seconds ago at the left", () => {
    expect(timeToX(20, frame)).toBe(100);
    expect(timeToX(10, frame)).toBe(0);
    expect(timeToX(15, frame)).toBe(50);
  });

  it("draws the visible scores, entering from the point just before the left edge", () => {
    const points = [8, 9, 12, 20].map((timeSeconds, i) => ({ timeSeconds, score: i / 4 }));
    expect(visiblePoints(points, frame).map((p) => p.timeSeconds)).toEqual([9, 12, 20]);
    expect(scorePath(points, frame)).toBe("M-10.0 37.5 L20.0 25.0 L100.0 12.5");
    expect(scorePath([], frame)).toBe("");
    // Everything older than the chart: only the last point is kept, to enter from the edge.
    expect(visiblePoints(points.slice(0, 2), frame).map((p) => p.timeSeconds)).toEqual([9]);
  });
});
