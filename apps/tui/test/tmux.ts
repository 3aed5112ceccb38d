// A real terminal for end-to-end tests: a tmux server of the test's own (its own socket, no user
// configuration) running a plain shell in a window of a fixed size. Keys go in with send-keys,
// the screen comes out with capture-pane, and tmux reports the terminal's modes (alternate
// screen, cursor) the way a person would see them.
import { execFileSync, spawnSync } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";

export function tmuxVersion(): string | undefined {
  const result = spawnSync("tmux", ["-V"], { encoding: "utf8" });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

export interface TmuxOptions {
  readonly columns: number;
  readonly rows: number;
  readonly cwd: string;
  /** Variables for the shell; CI markers and colour settings of the test runner are removed. */
  readonly env: Readonly<Record<string, string>>;
}

/** Variables the test runner may have that would change how the program draws. */
const UNSET = ["CI", "CONTINUOUS_INTEGRATION", "BUILD_NUMBER", "RUN_ID", "FORCE_COLOR", "NO_COLOR"];

export class TmuxSession {
  private readonly socket = `wakeforge-tui-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

  constructor(options: TmuxOptions) {
    const env = Object.entries({ PS1: "$ ", ...options.env }).map(([k, v]) => `${k}=${v}`);
    const shell = [
      "env",
      ...UNSET.flatMap((name) => ["-u", name]),
      ...env,
      "bash",
      "--norc",
      "--noprofile",
    ];
    this.tmux(
      "-f",
      "/dev/null",
      "new-session",
      "-d",
      "-s",
      "test",
      "-x",
      String(options.columns),
      "-y",
      String(options.rows),
      "-c",
      options.cwd,
      shell.map((part) => `'${part.replace(/'/g, "'\\''")}'`).join(" "),
    );
  }

  private tmux(...args: string[]): string {
    return execFileSync("tmux", ["-L", this.socket, ...args], { encoding: "utf8" });
  }

  /** Types a command line and presses Enter. */
  run(line: string): void {
    this.tmux("send-keys", "-t", "test", "-l", line);
    this.tmux("send-keys", "-t", "test", "Enter");
  }

  /** Presses keys by tmux's names: "q", "C-c", "Enter", "Down". */
  press(...keys: string[]): void {
    this.tmux("send-keys", "-t", "test", ...keys);
  }

  /** The visible screen as text; with `escapes`, with its colour and attribute codes. */
  screen(escapes = false): string {
    return this.tmux("capture-pane", "-p", "-t", "test", ...(escapes ? ["-e"] : []));
  }

  /** A tmux format of the pane: "#{alternate_on}", "#{cursor_flag}". */
  display(format: string): string {
    return this.tmux("display-message", "-p", "-t", "test", format).trim();
  }

  /** Waits until the screen matches; fails with the screen when it does not in time. */
  async waitFor(pattern: RegExp, timeoutMs: number): Promise<string> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      if (pattern.test(screen)) return screen;
      if (Date.now() > until)
        throw new Error(
          `timed out after ${timeoutMs} ms waiting for ${pattern}; the screen:\n${screen}`,
        );
      await sleep(250);
    }
  }

  kill(): void {
    spawnSync("tmux", ["-L", this.socket, "kill-server"]);
  }
}
