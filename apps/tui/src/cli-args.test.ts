import { describe, expect, it } from "vitest";
import { CliUsageError, parseCliArgs } from "./cli-args.js";

describe("parseCliArgs", () => {
  it("defaults to the best backend that works", () => {
    expect(parseCliArgs([])).toEqual({ backend: "auto", help: false });
  });

  it("takes --backend as two words or one", () => {
    expect(parseCliArgs(["--backend", "wasm"]).backend).toBe("wasm");
    expect(parseCliArgs(["--backend=cpu"]).backend).toBe("cpu");
  });

  it("rejects backends Node cannot run, naming the choices", () => {
    expect(() => parseCliArgs(["--backend", "webgl"])).toThrow(
      /--backend must be one of auto, node-gpu, node, wasm, cpu, got "webgl"/,
    );
  });

  it("rejects unknown options and stray words", () => {
    expect(() => parseCliArgs(["--verbose"])).toThrow(CliUsageError);
    expect(() => parseCliArgs(["train"])).toThrow(CliUsageError);
    expect(() => parseCliArgs(["--backend"])).toThrow(CliUsageError);
  });

  it("reads -h and --help", () => {
    expect(parseCliArgs(["-h"]).help).toBe(true);
    expect(parseCliArgs(["--help"]).help).toBe(true);
  });
});
