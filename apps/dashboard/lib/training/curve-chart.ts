// The numbers behind the Train tab's live learning-curve charts: where each epoch's point of
// the transfer and scratch runs lands, the ticks, and the path through the points. Pure, so the
// chart component only draws what this returns, and tests check the geometry without a DOM.
import type { EpochMetrics } from "@wakeforge/core/browser";

export type CurveRun = "transfer" | "scratch";
export type CurveMetric = "recallAtFar" | "valLoss";

export interface CurveChartInput {
  readonly transfer: readonly EpochMetrics[];
  readonly scratch?: readonly EpochMetrics[];
  readonly metric: CurveMetric;
  /** Epochs planned: the x axis spans them from the start, so the curves grow to the right. */
  readonly epochs: number;
  readonly width: number;
  readonly height: number;
}

export interface CurvePoint {
  readonly epoch: number;
  readonly value: number;
  readonly x: number;
  readonly y: number;
}

export interface CurveSeries {
  readonly run: CurveRun;
  readonly points: readonly CurvePoint[];
  /** SVG path data through the points ("" without any). */
  readonly path: string;
}

export interface Tick {
  readonly value: number;
  /** Position along its axis, in SVG units. */
  readonly at: number;
  readonly label: string;
}

export interface CurveChart {
  readonly width: number;
  readonly height: number;
  readonly plot: {
    readonly left: number;
    readonly top: number;
    readonly right: number;
    readonly bottom: number;
  };
  readonly yDomain: readonly [number, number];
  readonly xTicks: readonly Tick[];
  readonly yTicks: readonly Tick[];
  readonly series: readonly CurveSeries[];
}

const MARGIN = { left: 44, right: 12, top: 10, bottom: 30 } as const;

/** The smallest of 1, 2, 2.5, 5 × 10ⁿ that splits `span` into at most `count` steps. */
function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 2.5, 5, 10].map((m) => m * power).find((step) => step >= raw) ?? raw) || 1;
}

/** Recall lives in [0, 1]; loss from 0 to a round number above the highest value seen. */
function yDomain(metric: CurveMetric, values: readonly number[]): [number, number] {
  if (metric === "recallAtFar") return [0, 1];
  const high = Math.max(0, ...values.filter(Number.isFinite));
  if (high === 0) return [0, 1];
  const step = niceStep(high, 4);
  return [0, Math.ceil((high * 1.05) / step) * step];
}

const round = (v: number) => Math.round(v * 10) / 10;

export function curveChart(input: CurveChartInput): CurveChart {
  const { width, height, metric } = input;
  const plot = {
    left: MARGIN.left,
    top: MARGIN.top,
    right: Math.max(MARGIN.left + 1, width - MARGIN.right),
    bottom: Math.max(MARGIN.top + 1, height - MARGIN.bottom),
  };
  const runs: { run: CurveRun; metrics: readonly EpochMetrics[] }[] = [
    { run: "transfer", metrics: input.transfer },
    ...(input.scratch ? [{ run: "scratch" as const, metrics: input.scratch }] : []),
  ];
  const epochs = Math.max(1, input.epochs, ...runs.map((r) => r.metrics.length));
  const [low, high] = yDomain(
    metric,
    runs.flatMap((r) => r.metrics.map((m) => m[metric])),
  );
  // One epoch sits in the middle; more spread from edge to edge.
  const x = (epoch: number) =>
    epochs === 1
      ? (plot.left + plot.right) / 2
      : plot.left + ((epoch - 1) / (epochs - 1)) * (plot.right - plot.left);
  const y = (value: number) =>
    plot.bottom -
    ((Math.min(high, Math.max(low, value)) - low) / (high - low)) * (plot.bottom - plot.top);

  const xStep = Math.ceil(epochs / 10);
  const xTicks: Tick[] = [];
  for (let epoch = 1; epoch <= epochs; epoch += xStep) {
    xTicks.push({ value: epoch, at: round(x(epoch)), label: String(epoch) });
  }
  const yStep = niceStep(high - low, 4);
  const yTicks: Tick[] = [];
  for (let value = low; value <= high + yStep / 1000; value += yStep) {
    const v = Math.round(value * 1e6) / 1e6;
    yTicks.push({
      value: v,
      at: round(y(v)),
      label: metric === "recallAtFar" ? `${Math.round(v * 100)}%` : String(v),
    });
  }

  const series = runs.map(({ run, metrics }) => {
    const points = metrics
      .filter((m) => Number.isFinite(m[metric]))
      .map((m) => ({
        epoch: m.epoch,
        value: m[metric],
        x: round(x(m.epoch)),
        y: round(y(m[metric])),
      }));
    const path = points.map((p, i) => `${i === 0 ? "M" : "L"}${p.x} ${p.y}`).join(" ");
    return { run, points, path };
  });
  return { width, height, plot, yDomain: [low, high], xTicks, yTicks, series };
}
