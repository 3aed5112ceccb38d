import { describe, expect, it } from "vitest";
import { detChartOptions, detSeries } from "./det-chart.js";
import { learningChartOptions, learningSeries, type RunCurves } from "./learning-chart.js";
import { plot, plotLines, type PlotOptions } from "./plot.js";

const linear: PlotOptions = {
  width: 24,
  height: 8,
  x: { min: 0, max: 10, ticks: [0, 5, 10], format: String },
  y: { min: 0, max: 1, ticks: [0, 1], format: String },
};

/** Column and row (from the top of the plot area) of each glyph `g` in the lines. */
function cellsOf(lines: readonly string[], glyph: string): { col: number; row: number }[] {
  const found: { col: number; row: number }[] = [];
  lines.forEach((line, row) => {
    [...line].forEach((c, col) => {
      if (c === glyph) found.push({ col, row });
    });
  });
  return found;
}

describe("plot", () => {
  it("draws a rising line from the bottom left to the top right, with axes and labels", () => {
    const lines = plotLines(
      plot(
        [
          {
            name: "a",
            glyph: "*",
            points: [
              { x: 0, y: 0 },
              { x: 10, y: 1 },
            ],
          },
        ],
        linear,
      ),
    );
    expect(lines).toHaveLength(8);
    const stars = cellsOf(lines, "*");
    // y labels are one character wide, then the axis: the plot area starts at column 2.
    expect(stars).toContainEqual({ col: 23, row: 0 });
    expect(stars).toContainEqual({ col: 2, row: 5 });
    // Every column of the plot area has a cell of the line: no gaps.
    expect(new Set(stars.map((s) => s.col)).size).toBe(22);
    expect(lines[0]).toMatch(/^1┤/);
    expect(lines[5]).toMatch(/^0┤/);
    expect(lines[6]).toMatch(/^ └┬─+┬─+┬$/);
    expect(lines[7]?.trim()).toMatch(/^0\s+5\s+10$/);
  });

  it("tells which series drew each cell, so colour can follow the series", () => {
    const rows = plot(
      [
        {
          name: "a",
          glyph: "*",
          points: [
            { x: 0, y: 1 },
            { x: 10, y: 1 },
          ],
        },
        {
          name: "b",
          glyph: "+",
          points: [
            { x: 0, y: 0 },
            { x: 10, y: 0 },
          ],
        },
      ],
      linear,
    );
    expect(rows[0]?.find((run) => run.text.includes("*"))?.owner).toBe(0);
    expect(rows[5]?.find((run) => run.text.includes("+"))?.owner).toBe(1);
  });

  it("breaks a line at a missing value instead of drawing through it", () => {
    const lines = plotLines(
      plot(
        [
          {
            name: "a",
            glyph: "*",
            points: [
              { x: 0, y: 0 },
              { x: 5, y: Number.NaN },
              { x: 10, y: 1 },
            ],
          },
        ],
        linear,
      ),
    );
    expect(cellsOf(lines, "*")).toHaveLength(2);
  });

  it.each([
    [0, 8],
    [5, 8],
    [24, 3],
    [-5, -5],
    [Number.NaN, 8],
    [24.9, 8.7],
  ])("draws nothing at %s × %s unless there is room, and never throws", (width, height) => {
    const rows = plot([{ name: "a", glyph: "*", points: [{ x: 1, y: 1 }] }], {
      ...linear,
      width,
      height,
    });
    if (width === 24.9) expect(plotLines(rows)).toHaveLength(8);
    else expect(rows).toEqual([]);
  });
});

describe("learning curves", () => {
  const curves: RunCurves = {
    transfer: [
      { epoch: 1, loss: 0.9, accuracy: 0.5, recallAtFar: 0.5, valLoss: 0.7 },
      { epoch: 2, loss: 0.6, accuracy: 0.7, recallAtFar: 1, valLoss: 0.4 },
    ],
    scratch: [{ epoch: 1, loss: 2.4, accuracy: 0.6, recallAtFar: 0, valLoss: 1.6 }],
  };

  it("draws transfer and scratch with their own glyphs over the planned epochs", () => {
    const options = learningChartOptions(curves, "recall", {
      width: 30,
      height: 8,
      plannedEpochs: 4,
    });
    expect(options.x.max).toBe(4);
    const lines = plotLines(plot(learningSeries(curves, "recall"), options));
    expect(cellsOf(lines, "*")[0]?.row).toBe(0); // recall 100 % at epoch 2
    expect(cellsOf(lines, "+")).toEqual([{ col: 5, row: 5 }]); // scratch, epoch 1, 0 %
    expect(lines[0]).toMatch(/^100%┤/);
  });

  it("plots held-out loss when every epoch has it, and the range seen", () => {
    const options = learningChartOptions(curves, "loss", {
      width: 30,
      height: 8,
      plannedEpochs: 2,
    });
    expect(options.y.min).toBe(0);
    expect(options.y.max).toBeGreaterThanOrEqual(1.6);
    const series = learningSeries(curves, "loss");
    expect(series[0]?.points.map((p) => p.y)).toEqual([0.7, 0.4]);
  });
});

describe("DET chart", () => {
  it("puts thresholds without false accepts in the 0 column and marks the operating point", () => {
    const det = [
      { threshold: 0.1, falseRejectRate: 0, falseAcceptsPerHour: 100 },
      { threshold: 0.5, falseRejectRate: 0.2, falseAcceptsPerHour: 1 },
      { threshold: 0.9, falseRejectRate: 0.6, falseAcceptsPerHour: 0 },
    ];
    const input = {
      det,
      operatingPoint: { falseRejectRate: 0.2, falseAcceptsPerHour: 1 },
      targetFalseAcceptsPerHour: 0.5,
    };
    const lines = plotLines(
      plot(detSeries(input), detChartOptions(input, { width: 40, height: 10 })),
    );
    const plotStart = lines[0]?.indexOf("┤") ?? -1;
    const zeroColumn = cellsOf(lines, "•").filter((c) => c.col === plotStart + 1);
    expect(zeroColumn.length).toBeGreaterThan(0);
    expect(cellsOf(lines, "◆")).toHaveLength(1);
    expect(lines.join("\n")).toContain("┊");
    expect(lines.at(-1)).toMatch(/^\s+0\s+0\.1\s+1\s+10\s+100$/);
  });
});
