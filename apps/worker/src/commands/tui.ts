// `wakeforge tui`: starts the terminal UI, which is its own program (`wakeforge-tui` of apps/tui):
// apps never import each other, so the command line launches it rather than loading it. It tells
// the terminal UI where this `wakeforge` is (WAKEFORGE_CLI), because the terminal UI trains by
// running `wakeforge serve` on a job of its own: one training code path for both.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, extname, join } from "node:path";
import { constants } from "node:os";
import { fileURLToPath } from "node:url";
import { findProgram, isExecutableFile, programSearchFromEnv } from "@wakeforge/core";
import { EXIT } from "../exit-codes.js";
import type { CommandIo } from "../io.js";
import { workspaceRoot } from "../workspace-root.js";

export const TUI_HELP = `wakeforge tui [SCREEN] [options]

Opens the terminal UI: the data directory's models and work folders, training with live progress,
ETA and the transfer-vs-scratch curves, the evaluation with its DET curve, live detection from a
file or the microphone, and the job queue. Keys are shown on every screen; q quits. When stdout
is not a terminal it prints the screen as plain lines instead. Its options (wakeforge tui --help
lists them all) are passed on as they are; docs/tui.md describes it.`;

/** This command's own launcher, for the terminal UI to train with. */
const WAKEFORGE_BIN = fileURLToPath(new URL("../../bin/wakeforge.js", import.meta.url));

/**
 * `wakeforge-tui`: WAKEFORGE_TUI, else the first on PATH, else the terminal UI of the checkout
 * this program is part of (when it is built). Undefined, with why, when there is none.
 */
export async function locateTui(
  env: NodeJS.ProcessEnv,
): Promise<{ path: string } | { missing: string }> {
  const given = env.WAKEFORGE_TUI?.trim();
  if (given) {
    return existsSync(given) || (await isExecutableFile(given))
      ? { path: given }
      : { missing: `WAKEFORGE_TUI is set to ${given}, which does not exist` };
  }
  const onPath = await findProgram(["wakeforge-tui"], programSearchFromEnv(env));
  if (onPath) return { path: onPath };
  const root = workspaceRoot(dirname(WAKEFORGE_BIN));
  const built = root && join(root, "apps", "tui", "dist", "cli.js");
  if (built && existsSync(built)) return { path: built };
  return {
    missing: root
      ? "the terminal UI of this checkout is not built: pnpm turbo run build --filter=@wakeforge/tui..."
      : "wakeforge-tui was not found: install it, put it on PATH or set WAKEFORGE_TUI to it",
  };
}

/** Signals a person sends to this process alone, passed on; the terminal's own go to both. */
const FORWARDED: readonly NodeJS.Signals[] = ["SIGTERM"];
const FROM_TERMINAL: readonly NodeJS.Signals[] = ["SIGINT", "SIGHUP", "SIGQUIT"];

export async function tui(argv: readonly string[], io: CommandIo): Promise<number> {
  const located = await locateTui(io.env);
  if ("missing" in located) {
    io.stderr.write(`wakeforge tui: ${located.missing}\n`);
    return EXIT.failure;
  }
  const isScript = [".js", ".mjs", ".cjs"].includes(extname(located.path));
  const child = spawn(
    isScript ? process.execPath : located.path,
    [...(isScript ? [located.path] : []), ...argv],
    { stdio: "inherit", env: { ...io.env, WAKEFORGE_CLI: WAKEFORGE_BIN } },
  );
  // The terminal UI decides how to stop (it stops a training first and restores the terminal);
  // this process only waits for it, so a Ctrl-C or hangup must not end it first.
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  const ignore = () => {};
  for (const signal of FORWARDED) process.on(signal, forward);
  for (const signal of FROM_TERMINAL) process.on(signal, ignore);
  try {
    return await new Promise<number>((resolve, reject) => {
      child.once("error", reject);
      child.once("exit", (code, signal) =>
        resolve(code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 0)),
      );
    });
  } finally {
    for (const signal of FORWARDED) process.off(signal, forward);
    for (const signal of FROM_TERMINAL) process.off(signal, ignore);
  }
}
