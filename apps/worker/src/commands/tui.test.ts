// `wakeforge tui` launches the terminal UI's own program: with its arguments, telling it where
// this wakeforge is, and ends with its exit code. A stand-in program plays the terminal UI.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const BIN = fileURLToPath(new URL("../../bin/wakeforge.js", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "wakeforge-tui-command-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function wakeforge(args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

describe("wakeforge tui", () => {
  it("runs wakeforge-tui with its arguments (--help too), pointing it at this wakeforge", async () => {
    const fake = join(work, "fake-tui.mjs");
    writeFileSync(
      fake,
      "process.stdout.write(JSON.stringify({ args: process.argv.slice(2), cli: process.env.WAKEFORGE_CLI }));\nprocess.exitCode = 7;\n",
    );
    const result = await wakeforge(["tui", "train", "--word", "hey nova", "--help"], {
      WAKEFORGE_TUI: fake,
    });
    expect(result.code, result.stderr).toBe(7);
    expect(JSON.parse(result.stdout)).toEqual({
      args: ["train", "--word", "hey nova", "--help"],
      cli: BIN,
    });
  });

  it("says where to find the terminal UI when it cannot", async () => {
    const result = await wakeforge(["tui"], { WAKEFORGE_TUI: join(work, "nowhere") });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `wakeforge tui: WAKEFORGE_TUI is set to ${join(work, "nowhere")}, which does not exist`,
    );
  });

  it("is listed among the commands", async () => {
    const result = await wakeforge(["--help"], {});
    expect(result.stdout).toMatch(/^ {2}tui +the terminal UI/m);
  });
});
