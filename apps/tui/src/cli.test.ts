// Runs the built command as a user would, with stdout piped (so not a TTY): the line output.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { openQueue } from "@wakeforge/jobs/node";
import { afterAll, describe, expect, it } from "vitest";

const cli = join(dirname(dirname(fileURLToPath(import.meta.url))), "dist", "cli.js");
const run = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), "wakeforge-tui-cli-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs dist/cli.js; resolves with its exit code and output, whether it succeeded or not. */
async function runCli(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args], {
      env: { ...process.env, WAKEFORGE_DATA_DIR: join(work, "data"), ...env },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

describe("wakeforge-tui (built)", () => {
  it("prints the System screen as text naming the cpu backend", async () => {
    const result = await runCli(["system", "--backend", "cpu"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^backend: cpu \(tfjs "cpu"/m);
    expect(result.stdout).toContain("as requested");
    expect(result.stdout).toContain(`node: ${process.version}`);
    // No screen drawing: no escape codes, not even with colour forced on.
    expect(result.stdout).not.toContain("\u001B[");
  }, 60_000);

  it("prints the overview of a data directory that does not exist yet", async () => {
    const result = await runCli([], { FORCE_COLOR: "1" });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(
      `data directory: ${join(work, "data")} (not created yet)\n\nmodels: 0\n\nwork folders: 0\n`,
    );
  }, 60_000);

  it("prints a model's evaluation with the DET curve drawn in characters", async () => {
    const model = join(work, "model");
    mkdirSync(model, { recursive: true });
    writeFileSync(
      join(model, "wakeforge.json"),
      JSON.stringify({
        format: "wakeforge-model",
        formatVersion: 1,
        kind: "head",
        phrase: "hey nova",
        threshold: 0.5,
        createdAt: "2026-01-01T00:00:00Z",
        versions: {},
      }),
    );
    writeFileSync(
      join(model, "metrics.json"),
      JSON.stringify({
        evaluation: {
          threshold: 0.5,
          thresholdSource: "calibrated",
          thresholdSetBy: ["negative-speech"],
          targetFalseAcceptsPerHour: 0.5,
          recall: { overall: { detected: 3, total: 4, recall: 0.75 }, bySource: {} },
          falseAccepts: { overall: { falseAccepts: 1, hours: 2, perHour: 0.5 }, byKind: {} },
          det: [
            { threshold: 0.1, falseRejectRate: 0, falseAcceptsPerHour: 30 },
            { threshold: 0.5, falseRejectRate: 0.25, falseAcceptsPerHour: 0.5 },
          ],
        },
      }),
    );
    const result = await runCli(["eval", "--model", model]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^model: "hey nova" /);
    expect(result.stdout).toMatch(/recall\s+75\.0 % \(3 of 4\) held-out clips/);
    expect(result.stdout).toMatch(/100%┤/);
    expect(result.stdout).toContain("◆");
  }, 60_000);

  it("prints the jobs of a queue with their progress", async () => {
    const location = join(work, "queue.sqlite");
    const queue = await openQueue(location);
    await queue.submit(
      { kind: "train", word: "hey nova", synth: 8, out: "/models/hey-nova" },
      { id: "job-1" },
    );
    await queue.close();
    const result = await runCli(["jobs", "--queue", location]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(
      /job-1\s+train\s+queued\s+░{10}\s+0%\s+0\/3\s+-.*train "hey nova" → \/models\/hey-nova/,
    );
  }, 60_000);

  it("exits 2 with the usage on a backend it does not know, or training without a phrase", async () => {
    const result = await runCli(["--backend", "gpu"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('got "gpu"');
    expect(result.stderr).toContain("Usage: wakeforge-tui");
    expect(result.stdout).toBe("");
    const train = await runCli(["train"]);
    expect(train.code).toBe(2);
    expect(train.stderr).toContain('train: phrase: must be a non-empty phrase such as "hey nova"');
  }, 60_000);
});
