// The Evaluate screen's table as label/value pairs, shared by the screen and the line output.
import type { DetChartInput } from "../chart/det-chart.js";
import { formatPercent, formatRate, formatSeconds } from "../format.js";
import type { EvaluationRecord, FalseAccepts, Recall } from "./model-record.js";

const recallText = (r: Recall) => `${formatPercent(r.recall)} (${r.detected} of ${r.total})`;
const faText = (f: FalseAccepts) =>
  `${formatRate(f.perHour)} per hour (${f.falseAccepts} in ${f.hours.toFixed(2)} h)`;

export function evaluationRows(e: EvaluationRecord): [string, string][] {
  const calibrated = e.thresholdSource === "calibrated";
  const rows: [string, string][] = [
    [
      "threshold",
      `${e.threshold.toFixed(4)}${calibrated ? ` calibrated on ${e.thresholdSetBy.join(", ") || "negative audio"}` : " (given)"}` +
        (e.targetFalseAcceptsPerHour === undefined
          ? ""
          : `, target ${e.targetFalseAcceptsPerHour} false accepts per hour`),
    ],
    ["recall", `${recallText(e.recall)} held-out clips`],
  ];
  for (const [source, recall] of Object.entries(e.recallBySource))
    rows.push([`  ${source}`, recallText(recall)]);
  rows.push(["false accepts", faText(e.falseAccepts)]);
  for (const [kind, fa] of Object.entries(e.falseAcceptsByKind))
    rows.push([`  ${kind}`, faText(fa)]);
  if (e.confusable && e.confusable.total > 0) {
    rows.push([
      "near misses",
      `${recallText(e.confusable)} fired (phrases that sound alike; they set no threshold)`,
    ]);
  }
  if (e.latency && e.latency.count > 0) {
    rows.push([
      "latency",
      `p50 ${formatSeconds(e.latency.p50Seconds)}, p90 ${formatSeconds(e.latency.p90Seconds)} after the phrase ends`,
    ]);
  }
  return rows;
}

/** The DET chart of an evaluation, its operating point where the threshold put it. */
export function detChartInputOf(e: EvaluationRecord): DetChartInput {
  return {
    det: e.det,
    operatingPoint: {
      falseRejectRate: 1 - e.recall.recall,
      falseAcceptsPerHour: e.falseAccepts.perHour,
    },
    ...(e.targetFalseAcceptsPerHour === undefined
      ? {}
      : { targetFalseAcceptsPerHour: e.targetFalseAcceptsPerHour }),
  };
}
