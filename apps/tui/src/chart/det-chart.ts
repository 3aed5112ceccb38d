// The DET curve as a terminal chart, read the way the report's SVG reads: missed wakes
// (false-reject rate) up the side, false wakes per hour along a log axis, thresholds with no
// false accept in a "0" column at the left, the calibrated operating point marked and the
// false-accept budget drawn as a dotted line.
import type { DetPoint } from "@wakeforge/core";
import { decadeRange, formatNumberTick, formatPercentTick } from "./axis-ticks.js";
import type { PlotOptions, PlotSeries } from "./plot.js";

export const DET_GLYPH = "•";
export const OPERATING_POINT_GLYPH = "◆";

export interface DetChartInput {
  readonly det: readonly DetPoint[];
  readonly operatingPoint?: {
    readonly falseRejectRate: number;
    readonly falseAcceptsPerHour: number;
  };
  readonly targetFalseAcceptsPerHour?: number;
}

function usable(point: DetPoint): boolean {
  return Number.isFinite(point.falseAcceptsPerHour) && Number.isFinite(point.falseRejectRate);
}

export function detSeries(input: DetChartInput): PlotSeries[] {
  const points = input.det
    .filter(usable)
    .map((p) => ({ x: p.falseAcceptsPerHour, y: p.falseRejectRate }))
    .sort((a, b) => a.x - b.x || b.y - a.y);
  return [{ name: "DET", glyph: DET_GLYPH, points }];
}

export function detChartOptions(
  input: DetChartInput,
  size: { readonly width: number; readonly height: number },
): PlotOptions {
  const positive = [
    ...input.det.filter(usable).map((p) => p.falseAcceptsPerHour),
    input.operatingPoint?.falseAcceptsPerHour ?? 0,
    input.targetFalseAcceptsPerHour ?? 0,
  ].filter((v) => v > 0);
  const range =
    positive.length > 0
      ? decadeRange(Math.min(...positive), Math.max(...positive))
      : decadeRange(0.1, 10);
  const op = input.operatingPoint;
  return {
    width: size.width,
    height: size.height,
    x: { min: range.min, max: range.max, log: true, ticks: range.ticks, format: formatNumberTick },
    y: { min: 0, max: 1, ticks: [0, 0.5, 1], format: formatPercentTick },
    ...(op && Number.isFinite(op.falseRejectRate) && Number.isFinite(op.falseAcceptsPerHour)
      ? {
          marks: [
            { x: op.falseAcceptsPerHour, y: op.falseRejectRate, glyph: OPERATING_POINT_GLYPH },
          ],
        }
      : {}),
    ...(input.targetFalseAcceptsPerHour !== undefined && input.targetFalseAcceptsPerHour > 0
      ? { guideX: input.targetFalseAcceptsPerHour }
      : {}),
  };
}
