import type { EpochMetrics } from "@wakeforge/core/browser";
import { describe, expect, it } from "vitest";
import { curveChart } from "./curve-chart";

function epochs(recalls: readonly number[], losses: readonly number[]): EpochMetrics[] {
  return recalls.map((recallAtFar, i) => ({
    epoch: i + 1,
    loss: losses[i] ?? 0,
    accuracy: 0.5,
    recallAtFar,
    thresholdAtFar: 0.5,
    valAccuracy: 0.5,
    valLoss: losses[i] ?? 0,
    seconds: 1,
  }));
}

describe("curveChart", () => {
  const transfer = epochs([0.5, 0.75, 0.9], [0.6, 0.4, 0.3]);
  const scratch = epochs([0.1, 0.2], [0.7, 0.69]);

  it("spans the planned epochs from the start, so a live curve grows to the right", () => {
    const chart = curveChart({
      transfer,
      scratch,
      metric: "recallAtFar",
      epochs: 5,
      width: 344,
      height: 240,
    });
    expect(chart.plot).toEqual({ left: 44, top: 10, right: 332, bottom: 210 });
    expect(chart.xTicks.map((t) => t.label)).toEqual(["1", "2", "3", "4", "5"]);
    expect(chart.xTicks[0]!.at).toBe(44);
    expect(chart.xTicks[4]!.at).toBe(332);
    const [t, s] = chart.series;
    expect(t!.run).toBe("transfer");
    expect(t!.points.map((p) => p.x)).toEqual([44, 116, 188]);
    // Recall: 0…1 whatever the values, 0.5 halfway up.
    expect(chart.yDomain).toEqual([0, 1]);
    expect(t!.points[0]!.y).toBe(110);
    expect(chart.yTicks.map((tick) => tick.label)).toEqual(["0%", "25%", "50%", "75%", "100%"]);
    expect(s!.run).toBe("scratch");
    expect(s!.points).toHaveLength(2);
    expect(t!.path).toBe("M44 110 L116 60 L188 30");
  });

  it("gives loss a round top above the highest value", () => {
    const chart = curveChart({
      transfer,
      scratch,
      metric: "valLoss",
      epochs: 3,
      width: 300,
      height: 200,
    });
    expect(chart.yDomain).toEqual([0, 0.8]);
    expect(chart.yTicks.map((tick) => tick.value)).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
    expect(Math.max(...chart.series.flatMap((s) => s.points.map((p) => p.y)))).toBeLessThanOrEqual(
      chart.plot.bottom,
    );
  });

  it("draws nothing yet before the first epoch, one point in the middle after it", () => {
    const empty = curveChart({
      transfer: [],
      metric: "valLoss",
      epochs: 1,
      width: 200,
      height: 100,
    });
    expect(empty.series).toHaveLength(1);
    expect(empty.series[0]!.path).toBe("");
    expect(empty.yDomain).toEqual([0, 1]);
    const one = curveChart({
      transfer: transfer.slice(0, 1),
      metric: "recallAtFar",
      epochs: 1,
      width: 200,
      height: 100,
    });
    expect(one.series[0]!.points[0]!.x).toBe((44 + 188) / 2);
  });

  it("thins the epoch labels of long runs and skips values that are not numbers", () => {
    const long = epochs(
      Array.from({ length: 40 }, (_, i) => (i === 3 ? Number.NaN : i / 40)),
      [],
    );
    const chart = curveChart({
      transfer: long,
      metric: "recallAtFar",
      epochs: 40,
      width: 400,
      height: 200,
    });
    expect(chart.xTicks.map((t) => t.value)).toEqual([1, 5, 9, 13, 17, 21, 25, 29, 33, 37]);
    expect(chart.series[0]!.points).toHaveLength(39);
  });
});
