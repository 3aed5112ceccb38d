// Adds up vitest JSON reports (one per workspace) into one summary.
import { readFileSync } from "node:fs";
import { basename, dirname } from "node:path";

export function summarizeReports(files) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const lines = [];
  for (const file of files) {
    const report = JSON.parse(readFileSync(file, "utf8"));
    // A suite that fails without a failing test (it did not load, or a beforeAll hook threw and
    // its tests were skipped) counts as one failure so it cannot hide.
    const brokenSuites = (report.testResults ?? []).filter(
      (suite) =>
        suite.status === "failed" &&
        !(suite.assertionResults ?? []).some((test) => test.status === "failed"),
    ).length;
    const workspace = basename(dirname(file));
    const p = report.numPassedTests ?? 0;
    const f = (report.numFailedTests ?? 0) + brokenSuites;
    const s = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    passed += p;
    failed += f;
    skipped += s;
    lines.push(`  ${workspace.padEnd(14)} ${p} passed, ${f} failed, ${s} skipped`);
  }
  return { passed, failed, skipped, lines };
}
