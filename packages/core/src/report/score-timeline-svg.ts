// A head's score over time for one recording: the threshold, where it fired, and labelled spans
// (where the phrase was said), so a person sees why a wake happened or did not.
import {
  axis,
  coord,
  escapeXml,
  formatNumber,
  linearScale,
  niceTicks,
  chartOpen,
  text,
  type PlotBox,
} from "./svg.js";

export interface TimelineSpan {
  readonly startSeconds: number;
  readonly endSeconds: number;
  readonly label?: string;
}

export interface ScoreTimelineInput {
  /** One score per step. */
  readonly scores: ArrayLike<number>;
  /** End time of scores[0], seconds (ScoreSeries.firstTimeSeconds). Default 0. */
  readonly firstTimeSeconds?: number;
  /** Default 0.08. */
  readonly stepSeconds?: number;
  readonly threshold?: number;
  /** Times of detections, seconds. */
  readonly detections?: readonly number[];
  readonly spans?: readonly TimelineSpan[];
  readonly title?: string;
  readonly width?: number;
  readonly height?: number;
  /** Long recordings are reduced to this many columns, keeping each column's peak. Default 1200. */
  readonly maxColumns?: number;
}

/** A score timeline as an SVG document string. */
export function scoreTimelineSvg(input: ScoreTimelineInput): string {
  const width = input.width ?? 800;
  const height = input.height ?? 260;
  const title = input.title ?? "Score over time";
  const step = input.stepSeconds ?? 0.08;
  const first = input.firstTimeSeconds ?? 0;
  const n = input.scores.length;
  const box: PlotBox = { left: 60, top: 40, right: width - 20, bottom: height - 50 };
  const end = first + Math.max(0, n - 1) * step;
  const x = linearScale(Math.min(first, 0), Math.max(end, first + step), box.left, box.right);
  const y = linearScale(0, 1, box.bottom, box.top);
  const parts: string[] = [chartOpen(width, height, title, 24)];
  for (const span of input.spans ?? []) {
    const x0 = x(span.startSeconds);
    const x1 = x(span.endSeconds);
    parts.push(
      `<rect class="span" x="${coord(x0)}" y="${box.top}" width="${coord(Math.max(1, x1 - x0))}" height="${box.bottom - box.top}" fill="#dcfce7"/>`,
    );
    if (span.label)
      parts.push(text(x0 + 2, box.top + 12, span.label, { fill: "#166534", "font-size": 11 }));
  }
  const seconds = Math.max(end, step);
  const xTicks = niceTicks(Math.min(first, 0), seconds, 8);
  parts.push(axis(box, "x", xTicks, x, (v) => formatNumber(v), "time (s)"));
  parts.push(axis(box, "y", [0, 0.25, 0.5, 0.75, 1], y, (v) => formatNumber(v), "score"));
  // Peak-preserving reduction: each column keeps its highest score.
  const columns = Math.max(1, Math.min(n, input.maxColumns ?? 1200));
  const points: string[] = [];
  for (let c = 0; c < columns && n > 0; c += 1) {
    const from = Math.floor((c * n) / columns);
    const to = Math.max(from + 1, Math.floor(((c + 1) * n) / columns));
    let peak = -Infinity;
    let at = from;
    for (let i = from; i < to; i += 1) {
      const v = input.scores[i] ?? 0;
      if (v > peak) {
        peak = v;
        at = i;
      }
    }
    points.push(`${coord(x(first + at * step))},${coord(y(Math.max(0, Math.min(1, peak))))}`);
  }
  parts.push(
    `<polyline class="scores" fill="none" stroke="#2563eb" stroke-width="1.5" points="${points.join(" ")}"/>`,
  );
  if (input.threshold !== undefined) {
    const ty = y(input.threshold);
    parts.push(
      `<line class="threshold" x1="${box.left}" y1="${coord(ty)}" x2="${box.right}" y2="${coord(ty)}" stroke="#dc2626" stroke-dasharray="6 4"/>`,
    );
    parts.push(
      text(box.right - 4, ty - 5, `threshold ${formatNumber(input.threshold, 4)}`, {
        "text-anchor": "end",
        fill: "#dc2626",
      }),
    );
  }
  for (const t of input.detections ?? []) {
    parts.push(
      `<path class="detection" d="M${coord(x(t))},${box.top - 2} l-5,-9 h10 z" fill="#dc2626"><title>${escapeXml(`wake at ${formatNumber(t)} s`)}</title></path>`,
    );
  }
  parts.push("</svg>");
  return parts.join("");
}
