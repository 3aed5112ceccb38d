// Puts the bench table into the README between its markers, replacing the previous one, so the
// README's figures are always one run's output and never edited by hand.
import type { BenchResult } from "./bench-result.js";
import { formatReadmeTable } from "./format-report.js";

export const README_TABLE_START = "<!-- bench:start -->";
export const README_TABLE_END = "<!-- bench:end -->";

export class ReadmeMarkerError extends Error {
  override readonly name = "ReadmeMarkerError";
}

/** `readme` with the text between the markers replaced by the table of `result`. */
export function withBenchTable(readme: string, result: BenchResult): string {
  const start = readme.indexOf(README_TABLE_START);
  const end = readme.indexOf(README_TABLE_END);
  if (start < 0 || end < start) {
    throw new ReadmeMarkerError(
      `README has no "${README_TABLE_START}" … "${README_TABLE_END}" pair (found start at ${start}, end at ${end})`,
    );
  }
  return (
    `${readme.slice(0, start + README_TABLE_START.length)}\n\n` +
    `${formatReadmeTable(result)}\n\n${readme.slice(end)}`
  );
}
