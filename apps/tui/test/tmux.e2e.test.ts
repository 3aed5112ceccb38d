// The real binary in a real terminal (tmux): train a small model from the Train screen and quit
// with q; stop a training with Ctrl-C and find no model and the terminal as it was; the colour
// and dumb-terminal rules. Training is the smallest that still runs every stage, on two cores.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { readTuiEnv } from "../src/env.js";
import { locateWakeforge } from "../src/programs/locate-wakeforge.js";
import { hasColorCodes } from "./ansi.js";
import { TmuxSession, tmuxVersion } from "./tmux.js";

const packageDir = dirname(dirname(fileURLToPath(import.meta.url)));
const cli = join(packageDir, "dist", "cli.js");
const work = mkdtempSync(join(tmpdir(), "wakeforge-tui-e2e-"));
const dataDir = join(work, "data");
/** The TUI's TMPDIR: a training run's temporary queue is made here, and must be gone after. */
const runTmp = join(work, "tmp");
mkdirSync(runTmp);
afterAll(() => rmSync(work, { recursive: true, force: true, maxRetries: 5 }));

const located = await locateWakeforge(readTuiEnv({ PATH: process.env.PATH ?? "" }));
const skipReason = !tmuxVersion()
  ? "tmux is not installed (apt-get install tmux)"
  : "missing" in located
    ? located.missing
    : undefined;

/** The small training of apps/worker's train test, without the from-scratch run (minutes on two cores). */
const SMALL = "--synth 8 --background-minutes 1 --negative-minutes 1 --no-compare-scratch";

let session: TmuxSession;
beforeEach(() => {
  session = new TmuxSession({
    columns: 120,
    rows: 40,
    cwd: work,
    env: {
      WAKEFORGE_DATA_DIR: dataDir,
      PATH: process.env.PATH ?? "",
      HOME: work,
      HISTFILE: "/dev/null",
      TMPDIR: runTmp,
    },
  });
});
afterEach(() => session.kill());

/** Runs the TUI in the shell, then prints its exit code, which the test waits for. */
function launch(args: string, env = "") {
  session.run(`clear; ${env} node ${cli} ${args}; echo "TUI_EXIT=$?"`);
}

/** The terminal is as a shell wants it: main screen, cursor shown, line editing and echo on. */
async function expectTerminalRestored() {
  expect(session.display("#{alternate_on} #{cursor_flag}")).toBe("0 1");
  session.run(
    "stty -a | tr ' ' '\\n' | grep -x -e icanon -e echo -e -icanon -e -echo | tr '\\n' ' '; echo STTY_$((6*7))",
  );
  // The arithmetic makes the marker appear only in the output, not in the typed command.
  const screen = await session.waitFor(/STTY_42/, 10_000);
  expect(screen, screen).toMatch(/^icanon echo STTY_42$/m);
}

/** Hidden leftovers of atomic writes next to a model path. */
function partials(model: string): string[] {
  return readdirSync(dirname(model)).filter((name) => name.includes(".partial-"));
}

describe.skipIf(skipReason !== undefined)(
  `wakeforge-tui in tmux${skipReason ? ` (skipped: ${skipReason})` : ""}`,
  () => {
    it("trains a small model from the Train screen, with progress and curves, and quits on q", async () => {
      const model = join(work, "models", "hey-nova");
      launch(`train --word 'hey nova' --epochs 2 ${SMALL} --out ${model}`);
      let screen = await session.waitFor(/s start training/, 30_000);
      expect(screen).toMatch(/2 Train/);
      expect(screen).toMatch(/phrase\s+hey nova/);
      expect(screen).toMatch(/tab next screen\s+1-6 screen\s+q quit/);
      expect(session.display("#{alternate_on}")).toBe("1");
      expect(hasColorCodes(session.screen(true))).toBe(true);

      session.press("s");
      screen = await session.waitFor(/x stop training/, 30_000);
      expect(screen).toContain(`Training "hey nova" → ${model}`);
      expect(screen).toMatch(/[█░]{40}\s+\d+%/);
      screen = await session.waitFor(/done: the model is in/, 150_000);
      expect(screen).toMatch(/100%/);
      expect(screen).toMatch(/threshold 0\.\d{4}: recall [\d.]+ % on held-out voices/);
      expect(screen).toContain("held-out recall (5 % clip false accepts)");
      expect(screen).toMatch(/\* transfer/);
      expect(screen).toMatch(/e evaluate\s+d detect\s+n new training/);

      session.press("e");
      screen = await session.waitFor(/DET: missed wakes/, 10_000);
      expect(screen).toMatch(/recall\s+[\d.]+ % \(\d+ of \d+\) held-out clips/);

      session.press("q");
      screen = await session.waitFor(/TUI_EXIT=\d+/, 20_000);
      expect(screen).toContain("TUI_EXIT=0");
      expect(screen).toContain(`wakeforge-tui: trained "hey nova": ${model}`);
      await expectTerminalRestored();
      expect(readdirSync(model).sort()).toEqual(
        expect.arrayContaining(["metrics.json", "model.json", "wakeforge.json", "weights.bin"]),
      );
    }, 240_000);

    it("on Ctrl-C during training writes no model, exits 130 and restores the terminal", async () => {
      const model = join(work, "models", "interrupted");
      launch(`train --word 'hey nova' --epochs 12 ${SMALL} --out ${model} --start`);
      // The learning curves' legend: an epoch has finished, tfjs is training in the worker.
      await session.waitFor(/\* transfer/, 150_000);
      session.press("C-c");
      await session.waitFor(/Stopping training before quitting/, 10_000);
      const screen = await session.waitFor(/TUI_EXIT=\d+/, 150_000);
      expect(screen).toContain("TUI_EXIT=130");
      expect(screen).toContain(`training stopped: no model was written to ${model}`);
      await expectTerminalRestored();
      expect(existsSync(model)).toBe(false);
      expect(partials(model)).toEqual([]);
      // The run's private queue is gone with its worker (espeak-ng may leave its own pulse-* here).
      expect(readdirSync(runTmp).filter((name) => name.startsWith("wakeforge-tui-"))).toEqual([]);
    }, 240_000);

    it("draws no colour with NO_COLOR, and prints plain lines on a dumb terminal", async () => {
      launch("", "NO_COLOR=1");
      await session.waitFor(/Data directory/, 30_000);
      const drawn = session.screen(true);
      expect(hasColorCodes(drawn)).toBe(false);
      // The open tab, in inverse video (SGR 7), even without colour.
      // eslint-disable-next-line no-control-regex
      expect(drawn).toMatch(/\u001B\[(\d+;)*7m 1 Overview/);
      session.press("q");
      await session.waitFor(/TUI_EXIT=0/, 20_000);

      launch("", "TERM=dumb");
      const screen = await session.waitFor(/TUI_EXIT=\d+/, 30_000);
      expect(screen).toContain(`data directory: ${dataDir}`);
      expect(screen).toMatch(/^models: \d+$/m);
      expect(screen).toContain("TUI_EXIT=0");
      expect(session.display("#{alternate_on}")).toBe("0");
    }, 120_000);
  },
);
