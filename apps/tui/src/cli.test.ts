// Runs the built command as a user would, with stdout piped (so not a TTY): the plain report.
import { execFile } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const cli = join(dirname(dirname(fileURLToPath(import.meta.url))), "dist", "cli.js");
const run = promisify(execFile);

/** Runs dist/cli.js; resolves with its exit code and output, whether it succeeded or not. */
async function runCli(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args], {
      env: { ...process.env, ...env },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

describe("wakeforge-tui (built)", () => {
  it("prints a plain report naming the cpu backend when stdout is a pipe", async () => {
    const result = await runCli(["--backend", "cpu"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^backend: cpu \(tfjs "cpu"/m);
    expect(result.stdout).toContain("as requested");
    expect(result.stdout).toContain(`node: ${process.version}`);
    expect(result.stdout).toContain(`platform: ${process.platform} ${process.arch}`);
    // No screen drawing: no escape codes, not even with colour forced on.
    expect(result.stdout).not.toContain("\u001B[");
  }, 60_000);

  it("exits 2 with the usage on a backend it does not know", async () => {
    const result = await runCli(["--backend", "gpu"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('got "gpu"');
    expect(result.stderr).toContain("Usage: wakeforge-tui");
    expect(result.stdout).toBe("");
  }, 60_000);
});
