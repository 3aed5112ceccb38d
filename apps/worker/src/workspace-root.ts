import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * The repository root above `dir` (the folder with pnpm-workspace.yaml), if there is one: where
 * commands find programs of this checkout that an npm install does not ship (terminal UI, bench).
 */
export function workspaceRoot(dir: string): string | undefined {
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, "pnpm-workspace.yaml"))) return at;
    if (dirname(at) === at) return undefined;
  }
}
