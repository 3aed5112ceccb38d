// The DET picture: false-reject rate against false accepts per hour, one point per threshold,
// with the calibrated operating point marked. False accepts per hour span decades, so the x
// axis is logarithmic where values are above 0; thresholds with no false accept at all sit in a
// separate "0" column at the left edge (a log axis has no place for 0).
import type { DetPoint } from "../evaluation/det-curve.js";
import {
  axis,
  coord,
  decadeTicks,
  escapeXml,
  formatNumber,
  formatPercent,
  linearScale,
  chartOpen,
  text,
  type PlotBox,
} from "./svg.js";

export interface DetOperatingPoint {
  readonly threshold: number;
  readonly falseRejectRate: number;
  readonly falseAcceptsPerHour: number;
}

export interface DetCurveSvgOptions {
  /** The calibrated (or chosen) operating point, marked and labelled. */
  readonly calibrated?: DetOperatingPoint;
  /** The false-accept budget, drawn as a dashed vertical line. */
  readonly targetFalseAcceptsPerHour?: number;
  readonly title?: string;
  readonly width?: number;
  readonly height?: number;
}

const CURVE_COLOR = "#2563eb";

function decadeLabel(v: number): string {
  return v >= 0.001 && v < 1e5 ? formatNumber(v) : `1e${Math.round(Math.log10(v))}`;
}
const POINT_COLOR = "#dc2626";

/** The DET curve as an SVG document string. */
export function detCurveSvg(points: readonly DetPoint[], options: DetCurveSvgOptions = {}): string {
  const width = options.width ?? 640;
  const height = options.height ?? 420;
  const title = options.title ?? "DET curve: missed wakes vs. false wakes per hour";
  const box: PlotBox = { left: 76, top: 48, right: width - 28, bottom: height - 64 };
  const zeroColumn = 48; // pixels for the FA/h = 0 column
  const finite = points.filter(
    (p) => Number.isFinite(p.falseAcceptsPerHour) && Number.isFinite(p.falseRejectRate),
  );
  const positive = [
    ...finite.map((p) => p.falseAcceptsPerHour),
    options.calibrated?.falseAcceptsPerHour ?? 0,
    options.targetFalseAcceptsPerHour ?? 0,
  ].filter((v) => v > 0);
  const lowDecade = positive.length > 0 ? 10 ** Math.floor(Math.log10(Math.min(...positive))) : 0.1;
  const highDecade = positive.length > 0 ? 10 ** Math.ceil(Math.log10(Math.max(...positive))) : 10;
  const high = highDecade > lowDecade ? highDecade : lowDecade * 10;
  const logX = linearScale(
    Math.log10(lowDecade),
    Math.log10(high),
    box.left + zeroColumn,
    box.right,
  );
  const x = (v: number) => (v > 0 ? logX(Math.log10(v)) : box.left + zeroColumn / 2 - 4);
  const y = linearScale(0, 1, box.bottom, box.top);

  const parts: string[] = [chartOpen(width, height, title)];
  const ticks = decadeTicks(lowDecade, high);
  parts.push(
    axis(
      box,
      "x",
      ticks,
      (v) => logX(Math.log10(v)),
      decadeLabel,
      "false accepts per hour (log scale)",
    ),
  );
  parts.push(
    axis(
      box,
      "y",
      [0, 0.2, 0.4, 0.6, 0.8, 1],
      y,
      (v) => formatPercent(v),
      "false-reject rate (missed wakes)",
    ),
  );
  // The "0" column and a break mark between it and the log axis.
  parts.push(text(x(0), box.bottom + 18, "0", { "text-anchor": "middle", fill: "#374151" }));
  const breakX = box.left + zeroColumn - 6;
  parts.push(
    `<path d="M${coord(breakX - 4)},${box.bottom + 5} l4,-10 M${coord(breakX)},${box.bottom + 5} l4,-10" stroke="#374151" fill="none"/>`,
  );
  parts.push(
    `<line x1="${coord(breakX)}" y1="${box.top}" x2="${coord(breakX)}" y2="${box.bottom}" stroke="#f3f4f6" stroke-width="6"/>`,
  );

  if (options.targetFalseAcceptsPerHour !== undefined && options.targetFalseAcceptsPerHour > 0) {
    const tx = x(options.targetFalseAcceptsPerHour);
    parts.push(
      `<line class="target" x1="${coord(tx)}" y1="${box.top}" x2="${coord(tx)}" y2="${box.bottom}" stroke="#6b7280" stroke-dasharray="5 4"/>`,
    );
    parts.push(
      text(tx + 4, box.top + 12, `target ${formatNumber(options.targetFalseAcceptsPerHour)}/h`, {
        fill: "#4b5563",
      }),
    );
  }

  // Thresholds ascending go from many false accepts (right) to few (left); draw in that order.
  // The log part and the "0" column are separate lines, joined by a dotted connector.
  const ordered = [...finite].sort((a, b) => a.threshold - b.threshold);
  const xy = (p: DetPoint) => `${coord(x(p.falseAcceptsPerHour))},${coord(y(p.falseRejectRate))}`;
  const onLog = ordered.filter((p) => p.falseAcceptsPerHour > 0);
  const atZero = ordered.filter((p) => p.falseAcceptsPerHour <= 0);
  if (onLog.length > 0) {
    parts.push(
      `<polyline class="det" fill="none" stroke="${CURVE_COLOR}" stroke-width="2" points="${onLog.map(xy).join(" ")}"/>`,
    );
  }
  if (atZero.length > 0) {
    parts.push(
      `<polyline class="det-zero" fill="none" stroke="${CURVE_COLOR}" stroke-width="2" points="${atZero.map(xy).join(" ")}"/>`,
    );
  }
  const lastLog = onLog.at(-1);
  const firstZero = atZero[0];
  if (lastLog && firstZero) {
    parts.push(
      `<polyline class="det-connector" fill="none" stroke="${CURVE_COLOR}" stroke-width="1.2" stroke-dasharray="2 3" points="${xy(lastLog)} ${xy(firstZero)}"/>`,
    );
  }
  for (const p of ordered) {
    parts.push(
      `<circle class="point" cx="${coord(x(p.falseAcceptsPerHour))}" cy="${coord(y(p.falseRejectRate))}" r="2.2" fill="${CURVE_COLOR}">` +
        `<title>${escapeXml(`threshold ${formatNumber(p.threshold, 4)}: ${formatNumber(p.falseAcceptsPerHour)} FA/h, ${formatPercent(p.falseRejectRate)} missed`)}</title></circle>`,
    );
  }

  if (options.calibrated) {
    const c = options.calibrated;
    const cx = x(c.falseAcceptsPerHour);
    const cy = y(c.falseRejectRate);
    parts.push(
      `<circle class="operating-point" cx="${coord(cx)}" cy="${coord(cy)}" r="7" fill="none" stroke="${POINT_COLOR}" stroke-width="2.5"/>`,
    );
    parts.push(`<circle cx="${coord(cx)}" cy="${coord(cy)}" r="2.5" fill="${POINT_COLOR}"/>`);
    const label = `threshold ${formatNumber(c.threshold, 4)}: ${formatNumber(c.falseAcceptsPerHour)} FA/h, ${formatPercent(c.falseRejectRate)} missed`;
    const rightHalf = cx > (box.left + box.right) / 2;
    const ly = cy < box.top + 40 ? cy + 26 : cy - 14;
    parts.push(
      text(cx + (rightHalf ? -12 : 12), ly, label, {
        "text-anchor": rightHalf ? "end" : "start",
        fill: POINT_COLOR,
        "font-weight": 600,
        class: "operating-label",
      }),
    );
  }
  if (finite.length === 0) {
    parts.push(
      text(
        (box.left + box.right) / 2,
        (box.top + box.bottom) / 2,
        "no points: no negative audio or no positives",
        { "text-anchor": "middle", fill: "#6b7280" },
      ),
    );
  }
  parts.push("</svg>");
  return parts.join("");
}
