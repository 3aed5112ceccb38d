#!/usr/bin/env node
// Regenerates the README's speed table: runs the whole bench (or reads a saved
// `wakeforge bench --json` output with --from FILE) and rewrites the table between the markers.
// `pnpm bench:readme` at the repository root builds and runs this.
import { readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { BenchResult } from "./bench-result.js";
import { withBenchTable } from "./readme-table.js";
import { runBench } from "./run-bench.js";

const { values } = parseArgs({
  options: { from: { type: "string" }, readme: { type: "string" } },
  strict: true,
});
const readmePath =
  values.readme ?? join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "README.md");
const result: BenchResult = values.from
  ? (JSON.parse(await readFile(values.from, "utf8")) as BenchResult)
  : await runBench({ onStage: (line) => process.stderr.write(`${line}\n`) });
await writeFile(readmePath, withBenchTable(await readFile(readmePath, "utf8"), result));
process.stderr.write(`updated the speed table in ${readmePath}\n`);
