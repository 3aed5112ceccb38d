import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { NoSynthEngineError } from "../errors.js";
import { availableEngines, requireEngines } from "./registry.js";

const hasEspeak = spawnSync("espeak-ng", ["--version"], { stdio: "ignore" }).status === 0;

describe("engine registry", () => {
  it.skipIf(!hasEspeak)("finds espeak-ng and flite here", async () => {
    const { engines, missing } = await availableEngines();
    expect(engines.map((e) => e.id)).toEqual(["espeak-ng", "flite"]);
    expect(missing).toEqual([]);
  });

  it("leaves out a missing espeak-ng with its install hint and keeps flite", async () => {
    const { engines, missing } = await availableEngines({
      espeakNg: { binary: "/nonexistent/espeak-ng" },
    });
    expect(engines.map((e) => e.id)).toEqual(["flite"]);
    expect(missing).toEqual([
      {
        engine: "espeak-ng",
        reason: expect.stringMatching(
          /not found: install it with `bash tooling\/scripts\/system-deps.sh`/,
        ),
      },
    ]);
  });

  it("with no engine, throws NoSynthEngineError naming each reason", async () => {
    const error = await requireEngines({
      espeakNg: { binary: "/nonexistent/espeak-ng" },
      flite: { wasmPath: "/nonexistent/flite.wasm" },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoSynthEngineError);
    const noEngine = error as NoSynthEngineError;
    expect(noEngine.code).toBe("NO_ENGINE");
    expect(noEngine.message).toMatch(
      /^no text-to-speech engine is available: espeak-ng at "\/nonexistent\/espeak-ng" not found: install it with .*system-deps\.sh.*, flite failed to load: .*ENOENT/,
    );
    expect(noEngine.missing.map((m) => m.engine)).toEqual(["espeak-ng", "flite"]);
    const off = await requireEngines({ espeakNg: false, flite: false }).catch((e: unknown) => e);
    expect((off as Error).message).toBe(
      "no text-to-speech engine is available: espeak-ng turned off by option, flite turned off by option",
    );
  });
});
