// `wakeforge bench` runs the checkout's bench program with its arguments, passes its output on,
// tells it where this wakeforge is and ends with its exit code. A stand-in plays the bench.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../cli.js";
import { captureIo } from "../test-capture-io.js";
import { locateBench } from "./bench.js";

const work = mkdtempSync(join(tmpdir(), "wakeforge-bench-command-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("wakeforge bench", () => {
  it("runs the bench with its arguments and passes its JSON and exit code on", async () => {
    const fake = join(work, "fake-bench.mjs");
    writeFileSync(
      fake,
      "process.stdout.write(JSON.stringify({ args: process.argv.slice(2), cli: process.env.WAKEFORGE_CLI }) + '\\n');\nprocess.stderr.write('logmel…\\n');\nprocess.exitCode = 3;\n",
    );
    const io = captureIo({ ...process.env, WAKEFORGE_BENCH: fake });
    const code = await runCli(["bench", "--json", "--only", "logmel"], io);
    expect(code, io.err()).toBe(3);
    const printed = JSON.parse(io.out()) as { args: string[]; cli: string };
    expect(printed.args).toEqual(["--json", "--only", "logmel"]);
    expect(printed.cli).toMatch(/bin[/\\]wakeforge\.js$/);
    expect(io.err()).toBe("logmel…\n");
  });

  it("says where the bench is expected when it cannot be found", async () => {
    const io = captureIo({ ...process.env, WAKEFORGE_BENCH: join(work, "missing.mjs") });
    expect(await runCli(["bench"], io)).toBe(1);
    expect(io.err()).toContain("WAKEFORGE_BENCH is set to");
    // In this checkout, without the variable, it is tooling/bench's built program.
    const located = locateBench({});
    const path = "path" in located ? located.path : located.missing;
    expect(path).toMatch(/tooling[/\\]bench|not built/);
  });
});
