import { spawn } from "node:child_process";

export interface ProgramResult {
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: Uint8Array;
  readonly stderr: string;
  readonly timedOut: boolean;
}

export interface RunProgramOptions {
  /** Written to the program's standard input, which is then closed. */
  readonly input?: string;
  readonly timeoutMs: number;
}

/**
 * Runs `program` with an argument array (never through a shell, so no argument is ever
 * interpreted) and collects its output. Rejects only when the program cannot be started
 * (the spawn error, e.g. code ENOENT); a failing run resolves with its exit status.
 */
export function runProgram(
  program: string,
  args: readonly string[],
  options: RunProgramOptions,
): Promise<ProgramResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ["pipe", "pipe", "pipe"], windowsHide: true });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let timedOut = false;
    let settled = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
      // A grandchild could still hold the pipes open; closing our ends lets "close" fire now.
      child.stdout.destroy();
      child.stderr.destroy();
    }, options.timeoutMs);

    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    // A program that exits without reading its input breaks the pipe; its exit status says why.
    child.stdin.on("error", () => undefined);
    child.on("error", (error) => {
      clearTimeout(timer);
      if (!settled) {
        settled = true;
        reject(error);
      }
    });
    child.on("close", (exitCode, signal) => {
      clearTimeout(timer);
      if (settled) return;
      settled = true;
      const output = Buffer.concat(stdout);
      resolve({
        exitCode,
        signal,
        stdout: new Uint8Array(output.buffer, output.byteOffset, output.byteLength),
        stderr: Buffer.concat(stderr).toString("utf8"),
        timedOut,
      });
    });
    child.stdin.end(options.input ?? "");
  });
}

/** Whether a spawn error means "there is no runnable program at that name". */
export function isProgramMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === "ENOENT" || code === "EACCES" || code === "ENOTDIR";
}
