// Line charts drawn with characters: series of (x, y) points on a grid of cells, with a y axis of
// labelled ticks on the left and an x axis of labelled ticks below. Each series has its own glyph,
// so the curves stay apart without colour; each cell also says which series drew it, so a
// component can colour it when the terminal has colour.

export interface PlotPoint {
  readonly x: number;
  readonly y: number;
}

export interface PlotSeries {
  readonly name: string;
  /** One character: drawn at the points and along the lines between them. */
  readonly glyph: string;
  readonly points: readonly PlotPoint[];
}

export interface PlotAxis {
  readonly min: number;
  readonly max: number;
  /** Logarithmic (x only): values ≤ 0 go in a column of their own at the left edge. */
  readonly log?: boolean;
  readonly ticks: readonly number[];
  readonly format: (value: number) => string;
}

/** A single marked point drawn over the series (an operating point). */
export interface PlotMark {
  readonly x: number;
  readonly y: number;
  readonly glyph: string;
}

export interface PlotOptions {
  /** Cells across, axis labels included; at least 12 are needed for a plot area. */
  readonly width: number;
  /** Rows, the x axis and its labels included; at least 4 are needed for a plot area. */
  readonly height: number;
  readonly x: PlotAxis;
  readonly y: PlotAxis;
  readonly marks?: readonly PlotMark[];
  /** A dotted vertical line (a target) at this x. */
  readonly guideX?: number;
}

/** Who drew a cell: a series (its index), a mark, the guide line, the axes, or nobody. */
export type CellOwner = number | "mark" | "guide" | "axis" | "empty";

export interface PlotRun {
  readonly text: string;
  readonly owner: CellOwner;
}

/** Rows of runs of cells with one owner: text for plain output, owners for colour. */
export type PlotRows = readonly (readonly PlotRun[])[];

const ZERO_COLUMN_CELLS = 2;
const GUIDE_GLYPH = "┊";
const MIN_PLOT_WIDTH = 4;
const MIN_PLOT_HEIGHT = 2;

/** Whole cells, never negative: layouts can hand a chart fractional or negative space. */
function cells(value: number): number {
  return Number.isFinite(value) ? Math.max(0, Math.floor(value)) : 0;
}

interface Grid {
  readonly glyphs: string[][];
  readonly owners: CellOwner[][];
}

function priority(owner: CellOwner): number {
  if (owner === "mark") return 4;
  if (typeof owner === "number") return 3;
  if (owner === "guide") return 1;
  return 0;
}

function put(grid: Grid, col: number, row: number, glyph: string, owner: CellOwner): void {
  const glyphRow = grid.glyphs[row];
  const ownerRow = grid.owners[row];
  if (!glyphRow || !ownerRow || col < 0 || col >= glyphRow.length) return;
  if (priority(owner) < priority(ownerRow[col] ?? "empty")) return;
  glyphRow[col] = glyph;
  ownerRow[col] = owner;
}

/** Maps a value to a column (x) or row (y) of the plot area; undefined for values off the axis. */
function scaler(
  axis: PlotAxis,
  size: number,
  flip: boolean,
): (value: number) => number | undefined {
  const zero = axis.log ? Math.min(ZERO_COLUMN_CELLS, size - 1) : 0;
  const transform = (v: number) => (axis.log ? Math.log10(v) : v);
  const low = transform(axis.log ? Math.max(axis.min, Number.MIN_VALUE) : axis.min);
  const high = transform(axis.max);
  const span = high - low;
  return (value) => {
    if (!Number.isFinite(value) && !(axis.log && value === 0)) return undefined;
    if (axis.log && value <= 0) return 0;
    const t = span > 0 ? (transform(value) - low) / span : 0;
    const clamped = Math.min(1, Math.max(0, t));
    const position = zero + Math.round(clamped * (size - 1 - zero));
    return flip ? size - 1 - position : position;
  };
}

function drawSeries(
  grid: Grid,
  series: PlotSeries,
  owner: number,
  col: (x: number) => number | undefined,
  row: (y: number) => number | undefined,
): void {
  let previous: { c: number; r: number } | undefined;
  for (const point of series.points) {
    const c = col(point.x);
    const r = row(point.y);
    if (c === undefined || r === undefined) {
      previous = undefined; // a gap (NaN) breaks the line
      continue;
    }
    if (previous) {
      const steps = Math.max(Math.abs(c - previous.c), Math.abs(r - previous.r), 1);
      for (let i = 1; i < steps; i += 1) {
        put(
          grid,
          Math.round(previous.c + ((c - previous.c) * i) / steps),
          Math.round(previous.r + ((r - previous.r) * i) / steps),
          series.glyph,
          owner,
        );
      }
    }
    put(grid, c, r, series.glyph, owner);
    previous = { c, r };
  }
}

/** Tick labels placed under their columns, left to right, never overlapping one another. */
function tickLabelRow(
  ticks: readonly { readonly col: number; readonly label: string }[],
  width: number,
): string {
  const row = Array.from({ length: width }, () => " ");
  let free = 0;
  for (const { col, label } of ticks) {
    const start = Math.min(
      Math.max(col - Math.floor(label.length / 2), free),
      width - label.length,
    );
    if (start < free || start < 0) continue;
    for (let i = 0; i < label.length; i += 1) row[start + i] = label[i] ?? " ";
    free = start + label.length + 1;
  }
  return row.join("").trimEnd();
}

function runsOf(glyphs: readonly string[], owners: readonly CellOwner[]): PlotRun[] {
  const runs: PlotRun[] = [];
  glyphs.forEach((glyph, i) => {
    const owner = owners[i] ?? "empty";
    const last = runs.at(-1);
    if (last && last.owner === owner) runs[runs.length - 1] = { text: last.text + glyph, owner };
    else runs.push({ text: glyph, owner });
  });
  return runs;
}

/**
 * Draws `series` on a `width` × `height` chart. Returns no rows when the space is too small for
 * a plot area, so a squeezed layout shows nothing rather than garbage.
 */
export function plot(series: readonly PlotSeries[], options: PlotOptions): PlotRows {
  const width = cells(options.width);
  const height = cells(options.height);
  const yLabels = options.y.ticks.map((tick) => options.y.format(tick));
  const labelWidth = Math.max(0, ...yLabels.map((label) => label.length));
  const plotWidth = width - labelWidth - 1;
  const plotHeight = height - 2;
  if (plotWidth < MIN_PLOT_WIDTH || plotHeight < MIN_PLOT_HEIGHT) return [];

  const grid: Grid = {
    glyphs: Array.from({ length: plotHeight }, () => Array.from({ length: plotWidth }, () => " ")),
    owners: Array.from({ length: plotHeight }, () =>
      Array.from({ length: plotWidth }, (): CellOwner => "empty"),
    ),
  };
  const col = scaler(options.x, plotWidth, false);
  const row = scaler(options.y, plotHeight, true);
  if (options.guideX !== undefined) {
    const c = col(options.guideX);
    if (c !== undefined)
      for (let r = 0; r < plotHeight; r += 1) put(grid, c, r, GUIDE_GLYPH, "guide");
  }
  series.forEach((s, index) => drawSeries(grid, s, index, col, row));
  for (const mark of options.marks ?? []) {
    const c = col(mark.x);
    const r = row(mark.y);
    if (c !== undefined && r !== undefined) put(grid, c, r, mark.glyph, "mark");
  }

  const labelAt = new Map<number, string>();
  options.y.ticks.forEach((tick, i) => {
    const r = row(tick);
    if (r !== undefined && !labelAt.has(r)) labelAt.set(r, yLabels[i] ?? "");
  });
  const rows: PlotRun[][] = grid.glyphs.map((glyphs, r) => {
    const label = labelAt.get(r);
    const axis = `${(label ?? "").padStart(labelWidth)}${label === undefined ? "│" : "┤"}`;
    return [{ text: axis, owner: "axis" }, ...runsOf(glyphs, grid.owners[r] ?? [])];
  });

  const xTicks = options.x.ticks
    .map((tick) => ({ col: col(tick), label: options.x.format(tick) }))
    .filter((t): t is { col: number; label: string } => t.col !== undefined);
  const axisLine = Array.from({ length: plotWidth }, () => "─");
  for (const { col: c } of xTicks) axisLine[c] = "┬";
  if (options.x.log && plotWidth > ZERO_COLUMN_CELLS) {
    axisLine[0] = "┬";
    xTicks.unshift({ col: 0, label: "0" });
  }
  rows.push([{ text: `${" ".repeat(labelWidth)}└${axisLine.join("")}`, owner: "axis" }]);
  const labels = tickLabelRow(
    xTicks.map((t) => ({ col: t.col + labelWidth + 1, label: t.label })),
    width,
  );
  rows.push([{ text: labels, owner: "axis" }]);
  return rows;
}

/** The chart as plain text lines (no colour), for logs and pipes. */
export function plotLines(rows: PlotRows): string[] {
  return rows.map((runs) =>
    runs
      .map((run) => run.text)
      .join("")
      .trimEnd(),
  );
}
