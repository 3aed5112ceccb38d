// The transfer-vs-scratch learning curves as terminal charts: one value per epoch and run, the
// same two metrics as the training report (held-out recall, and held-out loss where known).
import type { EpochMetrics, TrainingRun } from "@wakeforge/jobs";
import { epochTicks, formatNumberTick, formatPercentTick, niceRange } from "./axis-ticks.js";
import type { PlotOptions, PlotSeries } from "./plot.js";

/** One finished epoch of one run, as the progress events and metrics.json both carry it. */
export interface EpochPoint extends EpochMetrics {
  /** 1-based. */
  readonly epoch: number;
}

export type RunCurves = Readonly<Partial<Record<TrainingRun, readonly EpochPoint[]>>>;

export type CurveMetric = "recall" | "loss";

/** Glyphs that tell the runs apart without colour. */
export const RUN_GLYPHS: Readonly<Record<TrainingRun, string>> = {
  transfer: "*",
  scratch: "+",
  finetune: "x",
};

const RUN_ORDER: readonly TrainingRun[] = ["transfer", "scratch", "finetune"];

/** Held-out loss when every epoch has it (events may leave it out), else training loss. */
function lossKey(curves: RunCurves): "valLoss" | "loss" {
  const points = RUN_ORDER.flatMap((run) => curves[run] ?? []);
  return points.length > 0 && points.every((p) => typeof p.valLoss === "number")
    ? "valLoss"
    : "loss";
}

export function curveTitle(curves: RunCurves, metric: CurveMetric): string {
  if (metric === "recall") return "held-out recall (5 % clip false accepts)";
  return lossKey(curves) === "valLoss" ? "held-out loss" : "training loss";
}

function valueOf(point: EpochPoint, metric: CurveMetric, key: "valLoss" | "loss"): number {
  const value = metric === "recall" ? point.recallAtFar : point[key];
  return typeof value === "number" ? value : Number.NaN;
}

/** The runs that have epochs, in a fixed order, as chart series. */
export function learningSeries(curves: RunCurves, metric: CurveMetric): PlotSeries[] {
  const key = lossKey(curves);
  return RUN_ORDER.filter((run) => (curves[run]?.length ?? 0) > 0).map((run) => ({
    name: run,
    glyph: RUN_GLYPHS[run],
    points: (curves[run] ?? []).map((p) => ({ x: p.epoch, y: valueOf(p, metric, key) })),
  }));
}

/**
 * Axes for the curves: epochs 1 … `plannedEpochs` (so a curve grows across the chart as training
 * goes on), recall from 0 to 100 %, loss over the range seen.
 */
export function learningChartOptions(
  curves: RunCurves,
  metric: CurveMetric,
  size: { readonly width: number; readonly height: number; readonly plannedEpochs: number },
): PlotOptions {
  const series = learningSeries(curves, metric);
  const lastEpoch = Math.max(
    1,
    size.plannedEpochs,
    ...series.flatMap((s) => s.points.map((p) => p.x)),
  );
  const x = {
    min: 1,
    max: lastEpoch,
    ticks: epochTicks(1, lastEpoch, Math.max(2, Math.floor(size.width / 8))),
    format: (v: number) => String(v),
  };
  if (metric === "recall") {
    return {
      width: size.width,
      height: size.height,
      x,
      y: { min: 0, max: 1, ticks: [0, 0.5, 1], format: formatPercentTick },
    };
  }
  const values = series.flatMap((s) => s.points.map((p) => p.y)).filter(Number.isFinite);
  const range =
    values.length > 0 ? niceRange(Math.min(0, ...values), Math.max(...values), 2) : niceRange(0, 1);
  return {
    width: size.width,
    height: size.height,
    x,
    y: { min: range.min, max: range.max, ticks: range.ticks, format: formatNumberTick },
  };
}
