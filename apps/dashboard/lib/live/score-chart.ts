// The geometry of the Live tab's scrolling score chart, as pure functions so the drawing and the
// dragging agree and can be tested without a browser: time runs left to right over the last
// few seconds, the score bottom (0) to top (1).

export interface ScorePoint {
  /** Seconds from the start of listening to the end of the audio the score heard. */
  readonly timeSeconds: number;
  readonly score: number;
}

export interface ChartFrame {
  readonly width: number;
  readonly height: number;
  /** The seconds shown, ending at `nowSeconds`. */
  readonly spanSeconds: number;
  readonly nowSeconds: number;
}

/** The seconds of scores the chart shows. */
export const CHART_SPAN_SECONDS = 10;

/** Thresholds move in steps of 0.001, the precision the page shows. */
export function clampThreshold(value: number): number {
  if (!Number.isFinite(value)) return 0.5;
  return Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000;
}

export function scoreToY(score: number, height: number): number {
  return (1 - Math.min(1, Math.max(0, score))) * height;
}

/** The threshold under a pointer at `y` pixels from the chart's top. */
export function yToThreshold(y: number, height: number): number {
  return height > 0 ? clampThreshold(1 - y / height) : 0.5;
}

export function timeToX(timeSeconds: number, frame: ChartFrame): number {
  const start = frame.nowSeconds - frame.spanSeconds;
  return ((timeSeconds - start) / frame.spanSeconds) * frame.width;
}

/** The points still inside the chart (and one before it, so the line enters from the edge). */
export function visiblePoints(
  points: readonly ScorePoint[],
  frame: Pick<ChartFrame, "spanSeconds" | "nowSeconds">,
): ScorePoint[] {
  const start = frame.nowSeconds - frame.spanSeconds;
  const first = points.findIndex((point) => point.timeSeconds >= start);
  if (first === -1) return points.length > 0 ? [points[points.length - 1] as ScorePoint] : [];
  return points.slice(Math.max(0, first - 1));
}

/** An SVG path through the visible scores, or "" when there are none. */
export function scorePath(points: readonly ScorePoint[], frame: ChartFrame): string {
  return visiblePoints(points, frame)
    .map(
      (point, i) =>
        `${i === 0 ? "M" : "L"}${timeToX(point.timeSeconds, frame).toFixed(1)} ${scoreToY(point.score, frame.height).toFixed(1)}`,
    )
    .join(" ");
}
