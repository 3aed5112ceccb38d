// Where the `wakeforge` program is, for the embedded worker. Training code lives in the worker
// app and apps never import each other, so the dashboard starts the worker's program (as the
// terminal UI does) instead of loading its modules.
import { existsSync } from "node:fs";
import { extname, join } from "node:path";
import type { DashboardEnv } from "../env";
import { findRepoRoot } from "../env";
import { loadCore } from "../core";

export interface CommandLine {
  readonly command: string;
  readonly args: readonly string[];
  /** Where it was found, for people: "WAKEFORGE_CLI", "PATH", "this checkout". */
  readonly from: string;
}

export type LocatedWakeforge = { readonly found: CommandLine } | { readonly missing: string };

/** A script runs with the Node that runs this server; anything else is executed as it is. */
function commandFor(path: string, from: string): CommandLine {
  return [".js", ".mjs", ".cjs"].includes(extname(path))
    ? { command: process.execPath, args: [path], from }
    : { command: path, args: [], from };
}

/**
 * WAKEFORGE_CLI, else `wakeforge` on PATH, else the built worker of the checkout the dashboard
 * runs from (apps/worker/bin/wakeforge.js, once apps/worker/dist is built).
 */
export async function locateWakeforge(
  env: DashboardEnv,
  cwd: string = process.cwd(),
): Promise<LocatedWakeforge> {
  if (env.wakeforgeCli !== undefined) {
    return existsSync(env.wakeforgeCli)
      ? { found: commandFor(env.wakeforgeCli, "WAKEFORGE_CLI") }
      : { missing: `WAKEFORGE_CLI is set to ${env.wakeforgeCli}, which does not exist` };
  }
  const { findProgram } = await loadCore();
  const onPath = await findProgram(["wakeforge"], {
    searchPath: env.searchPath,
    executableSuffixes: env.executableSuffixes,
  });
  if (onPath) return { found: commandFor(onPath, "PATH") };
  const root = findRepoRoot(cwd);
  // The checkout is found at run time: the bundler is told not to trace these paths.
  const bin =
    root && join(/* turbopackIgnore: true */ root, "apps", "worker", "bin", "wakeforge.js");
  if (root && bin && existsSync(bin)) {
    return existsSync(join(/* turbopackIgnore: true */ root, "apps", "worker", "dist", "cli.js"))
      ? { found: commandFor(bin, "this checkout") }
      : {
          missing:
            "the worker of this checkout is not built: pnpm turbo run build --filter=@wakeforge/worker...",
        };
  }
  return {
    missing:
      "the wakeforge command was not found: install @wakeforge/worker, put wakeforge on PATH, or set WAKEFORGE_CLI to it",
  };
}
