#!/usr/bin/env node
// Everything CI checks, in one command: system programs, then build, typecheck, lint and tests of
// every workspace through turbo (cached per package), the formatting check, then one summary
// line over all test runs.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { summarizeReports } from "./test-summary.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));

function run(command, args) {
  console.log(`\n+ ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit" });
  return result.status ?? 1;
}

function reportFiles() {
  const files = [];
  for (const group of ["packages", "apps", "tooling"]) {
    const dir = join(root, group);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      files.push(join(dir, name, ".vitest-report.json"));
    }
  }
  return files;
}

if (run("bash", ["tooling/scripts/system-deps.sh"]) !== 0) process.exit(1);

// Reports from an earlier run must not count: turbo writes (or restores from cache) fresh ones.
for (const file of reportFiles()) rmSync(file, { force: true });

// Three tasks at a time: more only makes two cores thrash and tests wait on each other.
const turboCode = run("turbo", [
  "run",
  "build",
  "typecheck",
  "lint",
  "test",
  "--continue",
  "--concurrency=3",
]);
// One formatting for the whole repository (Prettier), checked like everything else.
const formatCode = run("prettier", ["--check", "--log-level=warn", "."]);
const summary = summarizeReports(reportFiles().filter((file) => existsSync(file)));
console.log(`\n${summary.lines.join("\n")}`);
console.log(
  `tests: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`,
);
const ok = turboCode === 0 && formatCode === 0 && summary.failed === 0 && summary.passed > 0;
process.exit(ok ? 0 : 1);
