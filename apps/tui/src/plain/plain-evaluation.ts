import { detChartInputOf, evaluationRows } from "../model/evaluation-rows.js";
import {
  DET_GLYPH,
  OPERATING_POINT_GLYPH,
  detChartOptions,
  detSeries,
} from "../chart/det-chart.js";
import { plot, plotLines } from "../chart/plot.js";
import type { ModelRecord } from "../model/model-record.js";

const CHART = { width: 72, height: 14 };

/** The Evaluate screen as lines: the table, then the DET curve in characters. */
export function evaluationLines(record: ModelRecord): string[] {
  const e = record.evaluation;
  const title = `model: "${record.manifest.phrase ?? record.name}" ${record.dir}`;
  if (!e) return [title, "no evaluation in a training record (metrics.json)"];
  const rows = evaluationRows(e);
  const width = Math.max(...rows.map(([label]) => label.length));
  const input = detChartInputOf(e);
  return [
    title,
    ...rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`),
    "",
    "DET: missed wakes (false-reject rate) vs. false accepts per hour",
    ...plotLines(plot(detSeries(input), detChartOptions(input, CHART))),
    `${DET_GLYPH} DET  ${OPERATING_POINT_GLYPH} threshold${input.targetFalseAcceptsPerHour ? "  ┊ target" : ""}`,
  ];
}
