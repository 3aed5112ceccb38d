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

/** A threshold in [0, 1] from whatever a field or a key gave (not a number: 0.5). */
export function clampThreshold(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0.5;
}

/**
 * A threshold or a score for the page: three decimals, four from 0.99 up, where averaged heads'
 * calibrated thresholds often land and 0.001 is a real difference in false wakes.
 */
export function formatScore(value: number): string {
  return value.toFixed(value >= 0.99 ? 4 : 3);
}

export function scoreToY(score: number, height: number): number {
  return (1 - Math.min(1, Math.max(0, score))) * height;
}

/** The threshold under a pointer at `y` pixels from the chart's top, to 0.001 (a pixel's worth). */
export function yToThreshold(y: number, height: number): number {
  return height > 0 ? Math.round(clampThreshold(1 - y / height) * 1000) / 1000 : 0.5;
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
