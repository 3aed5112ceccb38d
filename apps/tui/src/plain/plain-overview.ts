import { MODEL_HEADER, WORK_HEADER, modelRow, workRow } from "../model/overview-rows.js";
import type { DataDirSummary } from "../model/read-data-dir.js";
import { tableLines } from "../table.js";

/** The Overview screen as lines. */
export function overviewLines(summary: DataDirSummary): string[] {
  const lines = [
    `data directory: ${summary.dataDir}${summary.exists ? "" : " (not created yet)"}`,
    "",
  ];
  lines.push(`models: ${summary.models.length}`);
  if (summary.models.length > 0)
    lines.push(...tableLines(MODEL_HEADER, summary.models.map(modelRow)));
  for (const u of summary.unreadable) lines.push(`unreadable: ${u.reason}`);
  lines.push("", `work folders: ${summary.work.length}`);
  if (summary.work.length > 0) lines.push(...tableLines(WORK_HEADER, summary.work.map(workRow)));
  return lines;
}
