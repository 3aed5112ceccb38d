// vitest global setup: the CLI test runs dist/cli.js as a user would, so dist must match src.
// turbo builds dependencies before tests but not the package itself; rebuilding only when a
// source is newer keeps `pnpm test` right without paying for tsc on every run.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const packageDir = dirname(dirname(fileURLToPath(import.meta.url)));
const builtEntry = join(packageDir, "dist", "cli.js");

function newestMtimeMs(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtimeMs(path));
    else if (!/\.test\.tsx?$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function isStale(): boolean {
  if (!existsSync(builtEntry)) return true;
  const inputs = Math.max(
    newestMtimeMs(join(packageDir, "src")),
    statSync(join(packageDir, "tsconfig.build.json")).mtimeMs,
    statSync(join(packageDir, "package.json")).mtimeMs,
  );
  return inputs > statSync(builtEntry).mtimeMs;
}

export default function setup(): void {
  if (!isStale()) return;
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], {
    cwd: packageDir,
    stdio: "inherit",
  });
}
