// Where the `wakeforge` command is. Training runs through it (see training/training-run.ts): the
// worker app owns the training code, and apps never import each other, so the terminal UI starts
// the worker's program instead of loading its modules.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { findProgram, isExecutableFile, programSearchFromEnv } from "@wakeforge/core";
import type { TuiEnv } from "../env.js";
import { commandFor, type CommandLine } from "./command-line.js";

export type Located = { readonly found: CommandLine } | { readonly missing: string };

/** The repository root above `dir` (the folder with pnpm-workspace.yaml), if there is one. */
export function workspaceRoot(dir: string): string | undefined {
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, "pnpm-workspace.yaml"))) return at;
    if (dirname(at) === at) return undefined;
  }
}

const HERE = dirname(fileURLToPath(import.meta.url));

/**
 * `wakeforge`: WAKEFORGE_CLI (which `wakeforge tui` sets to itself), else the first `wakeforge`
 * on PATH, else the worker of the checkout this program is part of (when it is built).
 */
export async function locateWakeforge(env: TuiEnv, fromDir: string = HERE): Promise<Located> {
  if (env.wakeforgeCli) {
    return (await isExecutableFile(env.wakeforgeCli)) || existsSync(env.wakeforgeCli)
      ? { found: commandFor(env.wakeforgeCli, "WAKEFORGE_CLI") }
      : { missing: `WAKEFORGE_CLI is set to ${env.wakeforgeCli}, which does not exist` };
  }
  const onPath = await findProgram(["wakeforge"], programSearchFromEnv(env.raw));
  if (onPath) return { found: commandFor(onPath, "PATH") };
  const root = workspaceRoot(fromDir);
  const bin = root && join(root, "apps", "worker", "bin", "wakeforge.js");
  if (root && bin && existsSync(bin)) {
    if (existsSync(join(root, "apps", "worker", "dist", "cli.js"))) {
      return { found: commandFor(bin, "this checkout") };
    }
    return {
      missing:
        "the worker of this checkout is not built: pnpm turbo run build --filter=@wakeforge/worker...",
    };
  }
  return {
    missing:
      "the wakeforge command was not found: start the terminal UI as `wakeforge tui`, put wakeforge on PATH, or set WAKEFORGE_CLI to it",
  };
}
