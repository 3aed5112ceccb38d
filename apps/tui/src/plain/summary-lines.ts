import { formatPercent, formatRate } from "../format.js";
import type { TuiServices } from "../services.js";

/** The finished model's threshold, evaluation and verdict, as the Train screen shows them. */
export async function summaryLines(services: TuiServices, model: string): Promise<string[]> {
  try {
    const record = await services.readModelRecord(model);
    const e = record.evaluation;
    return [
      ...(e
        ? [
            `threshold ${e.threshold.toFixed(4)}: recall ${formatPercent(e.recall.recall)} on held-out voices, ${formatRate(e.falseAccepts.perHour)} false accepts per hour`,
          ]
        : []),
      ...(record.verdict ? record.verdict.summary.split("\n") : []),
      ...(record.verdict?.negativeTransfer
        ? [`WARNING: ${record.verdict.warning ?? "negative transfer"}`]
        : []),
    ];
  } catch (error) {
    return [`(the model's record could not be read: ${(error as Error).message})`];
  }
}
