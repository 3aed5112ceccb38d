// The picture that shows what transfer learning bought: the same network trained with the
// pre-trained base (transfer) and from scratch, one value per epoch, with the three points of
// the design annotated: where each started, how fast it climbed, where it ended.
import { earlySlope } from "../training/verdict.js";
import {
  axis,
  coord,
  escapeXml,
  formatNumber,
  linearScale,
  niceRange,
  niceTicks,
  chartOpen,
  text,
  type PlotBox,
} from "./svg.js";

/**
 * Per-epoch values: numbers, or per-epoch metric records (training's EpochMetrics) from which
 * `metric` is read.
 */
export type EpochValues = readonly (number | object)[];

export interface LearningCurvesInput {
  readonly transfer: EpochValues;
  readonly scratch: EpochValues;
  /** The metric of both untrained models, where known: the slope then counts from there. */
  readonly initial?: { readonly transfer: number; readonly scratch: number };
  /** The metric's name ("accuracy", "valLoss", "recallAtFar"): the record key. */
  readonly metric: string;
  /** Axis label and wording, e.g. "recall at 5 % false accepts". Default: `metric`. */
  readonly label?: string;
  /** Default: false for names containing "loss", true otherwise. */
  readonly higherIsBetter?: boolean;
  readonly title?: string;
  readonly width?: number;
  readonly height?: number;
}

/** The three points of the comparison for one metric. */
export interface CurveComparison {
  readonly metric: string;
  readonly higherIsBetter: boolean;
  readonly start: { readonly transfer: number; readonly scratch: number };
  /** Mean change per epoch over the first third of training (the early slope). */
  readonly slope: { readonly transfer: number; readonly scratch: number };
  readonly end: { readonly transfer: number; readonly scratch: number };
}

export const TRANSFER_COLOR = "#2563eb";
export const SCRATCH_COLOR = "#ea580c";

/** The values of `metric` per epoch (NaN where an epoch lacks it). */
export function epochValues(values: EpochValues, metric: string): number[] {
  return values.map((v) => {
    if (typeof v === "number") return v;
    const value = (v as Record<string, unknown>)[metric];
    return typeof value === "number" ? value : Number.NaN;
  });
}

function defaultHigherIsBetter(metric: string): boolean {
  return !/loss|error|false/i.test(metric);
}

/**
 * Start, early slope and end of both runs: the numbers the learning-curve picture annotates and
 * the report's verdict falls back on when the trainer gives none.
 */
export function compareCurves(input: LearningCurvesInput): CurveComparison {
  const transfer = epochValues(input.transfer, input.metric);
  const scratch = epochValues(input.scratch, input.metric);
  return {
    metric: input.label ?? input.metric,
    higherIsBetter: input.higherIsBetter ?? defaultHigherIsBetter(input.metric),
    start: { transfer: transfer[0] ?? Number.NaN, scratch: scratch[0] ?? Number.NaN },
    slope: {
      transfer: earlySlope(transfer, input.initial?.transfer),
      scratch: earlySlope(scratch, input.initial?.scratch),
    },
    end: { transfer: transfer.at(-1) ?? Number.NaN, scratch: scratch.at(-1) ?? Number.NaN },
  };
}

/** "2.3×" when both slopes point the good way, else undefined. */
export function slopeRatio(comparison: CurveComparison): number | undefined {
  const sign = comparison.higherIsBetter ? 1 : -1;
  const t = comparison.slope.transfer * sign;
  const s = comparison.slope.scratch * sign;
  return t > 0 && s > 0 ? t / s : undefined;
}

function series(
  values: readonly number[],
  x: (epoch: number) => number,
  y: (v: number) => number,
  color: string,
  name: string,
  dashed: boolean,
): string {
  const points = values
    .map((v, i) => (Number.isFinite(v) ? `${coord(x(i + 1))},${coord(y(v))}` : undefined))
    .filter((p): p is string => p !== undefined);
  const dash = dashed ? ' stroke-dasharray="6 4"' : "";
  const circles = values
    .map((v, i) =>
      Number.isFinite(v)
        ? `<circle class="point ${name}" cx="${coord(x(i + 1))}" cy="${coord(y(v))}" r="${values.length > 60 ? 1.5 : 3}" fill="${color}"><title>${escapeXml(`${name}, epoch ${i + 1}: ${formatNumber(v)}`)}</title></circle>`
        : "",
    )
    .join("");
  return `<g class="series ${name}"><polyline fill="none" stroke="${color}" stroke-width="2.2"${dash} points="${points.join(" ")}"/>${circles}</g>`;
}

/** Per-epoch curves of both runs as an SVG document string. */
export function learningCurvesSvg(input: LearningCurvesInput): string {
  const width = input.width ?? 640;
  const height = input.height ?? 400;
  const transfer = epochValues(input.transfer, input.metric);
  const scratch = epochValues(input.scratch, input.metric);
  const comparison = compareCurves(input);
  const label = input.label ?? input.metric;
  const title = input.title ?? `Transfer vs. from scratch: ${label} per epoch`;
  const box: PlotBox = { left: 70, top: 48, right: width - 24, bottom: height - 110 };
  const epochs = Math.max(transfer.length, scratch.length, 1);
  const all = [...transfer, ...scratch].filter(Number.isFinite);
  let [low, high] = niceRange(Math.min(...all, Infinity), Math.max(...all, -Infinity));
  if (
    all.length > 0 &&
    all.every((v) => v >= 0 && v <= 1) &&
    /acc|recall|precision|auc|f1/i.test(input.metric)
  ) {
    low = Math.min(low, Math.max(0, Math.floor(Math.min(...all) * 10) / 10));
    high = 1;
  }
  if (all.length === 0) [low, high] = [0, 1];
  const x = linearScale(epochs === 1 ? 0 : 1, epochs === 1 ? 2 : epochs, box.left, box.right);
  const y = linearScale(low, high, box.bottom, box.top);
  const xTicks = niceTicks(1, epochs, Math.min(10, epochs)).filter(
    (t) => Number.isInteger(t) && t >= 1,
  );
  const yTicks = niceTicks(low, high, 5);

  const parts: string[] = [chartOpen(width, height, title)];
  parts.push(axis(box, "x", xTicks, x, (v) => String(v), "epoch"));
  parts.push(axis(box, "y", yTicks, y, (v) => formatNumber(v), label));
  parts.push(series(scratch, x, y, SCRATCH_COLOR, "scratch", true));
  parts.push(series(transfer, x, y, TRANSFER_COLOR, "transfer", false));

  // Start and end labels beside the first and last points.
  const valueLabel = (
    epoch: number,
    v: number,
    color: string,
    anchor: "start" | "end",
    dy: number,
  ) =>
    Number.isFinite(v)
      ? text(x(epoch) + (anchor === "start" ? 7 : -7), y(v) + dy, formatNumber(v), {
          "text-anchor": anchor,
          fill: color,
          "font-weight": 600,
          stroke: "#ffffff",
          "stroke-width": 3,
          "paint-order": "stroke",
          class: "annotation",
        })
      : "";
  const better = (a: number, b: number) => (comparison.higherIsBetter ? a >= b : a <= b);
  const startAbove = comparison.start.transfer >= comparison.start.scratch;
  parts.push(
    valueLabel(1, comparison.start.transfer, TRANSFER_COLOR, "start", startAbove ? -8 : 16),
  );
  parts.push(valueLabel(1, comparison.start.scratch, SCRATCH_COLOR, "start", startAbove ? 16 : -8));
  const endAbove = comparison.end.transfer >= comparison.end.scratch;
  parts.push(
    valueLabel(transfer.length, comparison.end.transfer, TRANSFER_COLOR, "end", endAbove ? -8 : 16),
  );
  parts.push(
    valueLabel(scratch.length, comparison.end.scratch, SCRATCH_COLOR, "end", endAbove ? 16 : -8),
  );

  // Legend and the three points in words under the plot.
  const legendY = box.bottom + 62;
  parts.push(
    `<line x1="${box.left}" y1="${legendY - 4}" x2="${box.left + 28}" y2="${legendY - 4}" stroke="${TRANSFER_COLOR}" stroke-width="2.5"/>`,
  );
  parts.push(text(box.left + 34, legendY, "transfer (pre-trained base)", { fill: "#111827" }));
  parts.push(
    `<line x1="${box.left + 230}" y1="${legendY - 4}" x2="${box.left + 258}" y2="${legendY - 4}" stroke="${SCRATCH_COLOR}" stroke-width="2.5" stroke-dasharray="6 4"/>`,
  );
  parts.push(
    text(box.left + 264, legendY, "from scratch (same network, same data)", { fill: "#111827" }),
  );
  const ratio = slopeRatio(comparison);
  const slopeWords = `slope ${formatSigned(comparison.slope.transfer)} vs ${formatSigned(comparison.slope.scratch)} per epoch${ratio !== undefined ? ` (${formatNumber(ratio, 2)}×)` : ""}`;
  const mark = (ok: boolean) => (ok ? "✓" : "✗");
  const summary =
    `${mark(better(comparison.start.transfer, comparison.start.scratch))} start ${formatNumber(comparison.start.transfer)} vs ${formatNumber(comparison.start.scratch)}   ` +
    `${mark(better(comparison.slope.transfer, comparison.slope.scratch))} ${slopeWords}   ` +
    `${mark(better(comparison.end.transfer, comparison.end.scratch))} end ${formatNumber(comparison.end.transfer)} vs ${formatNumber(comparison.end.scratch)}`;
  parts.push(text(box.left, legendY + 24, summary, { fill: "#374151", class: "summary" }));
  parts.push("</svg>");
  return parts.join("");
}

function formatSigned(value: number): string {
  if (!Number.isFinite(value)) return "–";
  return `${value >= 0 ? "+" : "−"}${formatNumber(Math.abs(value))}`;
}
