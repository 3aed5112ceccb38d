import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { runCli } from "./cli.js";
import { captureIo } from "./test-capture-io.js";

const run = promisify(execFile);
const BIN = fileURLToPath(new URL("../bin/wakeforge.js", import.meta.url));

describe("wakeforge command line", () => {
  it("doctor --json reports the backend in use, why others were skipped, and each program", async () => {
    const io = captureIo();
    const code = await runCli(["doctor", "--json", "--backend", "cpu"], io);
    expect(code).toBe(0);
    const result = JSON.parse(io.out());
    expect(result.backend).toMatchObject({ requested: "cpu", backend: "cpu", tfBackend: "cpu" });
    expect(result.programs.map((p: { name: string }) => p.name)).toContain("espeak-ng");
    expect(result.node).toBe(process.version);
  });

  it("doctor finds no programs on an empty PATH and says how to install them", async () => {
    const io = captureIo({ PATH: "" });
    const code = await runCli(["doctor", "--backend", "cpu"], io);
    expect(code).toBe(0);
    expect(io.out()).toMatch(
      /missing {2}espeak-ng +synthetic data \(@wakeforge\/synth\): Synthetic speech/,
    );
    expect(io.out()).toContain("bash tooling/scripts/system-deps.sh");
  });

  it("rejects unknown commands, flags and values with exit code 2 and the help", async () => {
    const unknownCommand = captureIo();
    expect(await runCli(["trian"], unknownCommand)).toBe(2);
    expect(unknownCommand.err()).toContain('unknown command "trian"');

    const unknownFlag = captureIo();
    expect(await runCli(["doctor", "--bakend", "cpu"], unknownFlag)).toBe(2);
    expect(unknownFlag.err()).toMatch(/--bakend/);

    const badValue = captureIo();
    expect(await runCli(["doctor", "--backend", "tpu"], badValue)).toBe(2);
    expect(badValue.err()).toContain("--backend tpu: expected auto");

    const badEnv = captureIo({ ...process.env, WAKEFORGE_BACKEND: "tpu" });
    expect(await runCli(["doctor"], badEnv)).toBe(2);
    expect(badEnv.err()).toContain('WAKEFORGE_BACKEND="tpu"');
  });

  it("the installed binary runs doctor and exits 0 with the chosen backend on stdout", async () => {
    const { stdout } = await run(process.execPath, [BIN, "doctor", "--backend", "wasm"]);
    expect(stdout).toMatch(/^backend: wasm \(tfjs "wasm", simd=true/m);
  });

  it("the installed binary exits 2 on a usage error", async () => {
    await expect(run(process.execPath, [BIN, "doctor", "--nope"])).rejects.toMatchObject({
      code: 2,
    });
  });
});
