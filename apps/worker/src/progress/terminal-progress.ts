// Progress for long commands: a redrawn bar with ETA on a terminal, occasional plain lines in a
// log (stderr that is not a TTY), nothing at all for --json (machines read stdout only).
import { createEtaEstimator, formatDuration } from "@wakeforge/jobs";

export interface ProgressSink {
  /** `fraction` of the whole command done (0..1), while doing `stage`, with optional detail. */
  update(stage: string, fraction: number, detail?: string): void;
  /** A line worth keeping (an epoch's metrics, a warning), printed above the bar. */
  log(line: string): void;
  done(): void;
}

export interface ProgressOptions {
  readonly stream: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  /** Plain lines at most this often when not on a terminal. */
  readonly plainIntervalMs?: number;
  readonly now?: () => number;
}

const BAR_WIDTH = 28;

export function renderBar(fraction: number, width = BAR_WIDTH): string {
  const clamped = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
  const filled = Math.round(clamped * width);
  return `${"█".repeat(filled)}${"░".repeat(width - filled)}`;
}

export function createTerminalProgress(options: ProgressOptions): ProgressSink {
  const { stream } = options;
  const now = options.now ?? (() => Date.now());
  const eta = createEtaEstimator();
  const interval = options.plainIntervalMs ?? 5_000;
  let lastPlain = -Infinity;
  let lastLine = "";
  let drawn = false;

  const describe = (stage: string, fraction: number, detail?: string) => {
    const seconds = eta.update(fraction, now());
    const percent = `${Math.floor(Math.min(1, Math.max(0, fraction)) * 100)}%`.padStart(4);
    const left = seconds === undefined ? "ETA --" : `ETA ${formatDuration(seconds)}`;
    return { percent, left, text: `${stage}${detail ? ` · ${detail}` : ""}` };
  };

  if (stream.isTTY) {
    const clear = () => {
      if (drawn) stream.write("\r\x1b[2K");
    };
    return {
      update(stage, fraction, detail) {
        const { percent, left, text } = describe(stage, fraction, detail);
        const columns = stream.columns ?? 100;
        lastLine = `${renderBar(fraction)} ${percent} ${left}  ${text}`.slice(
          0,
          Math.max(10, columns - 1),
        );
        clear();
        stream.write(lastLine);
        drawn = true;
      },
      log(line) {
        clear();
        stream.write(`${line}\n`);
        if (drawn) stream.write(lastLine);
      },
      done() {
        clear();
        drawn = false;
      },
    };
  }
  return {
    update(stage, fraction, detail) {
      const at = now();
      if (at - lastPlain < interval && fraction < 1) return;
      lastPlain = at;
      const { percent, left, text } = describe(stage, fraction, detail);
      stream.write(`[${percent.trim()}] ${text} (${left})\n`);
    },
    log(line) {
      stream.write(`${line}\n`);
    },
    done() {},
  };
}

/** A sink that drops everything (for --json runs). */
export const SILENT_PROGRESS: ProgressSink = { update() {}, log() {}, done() {} };
