import { describe, expect, it } from "vitest";
import { CliUsageError, parseCliArgs } from "./cli-args.js";

describe("parseCliArgs", () => {
  it("opens the overview with the environment's backend by default", () => {
    expect(parseCliArgs([])).toMatchObject({
      screen: "overview",
      backend: undefined,
      help: false,
      mic: false,
      start: false,
      training: {},
    });
  });

  it("takes the screen as a word and --backend as two words or one", () => {
    expect(parseCliArgs(["train"]).screen).toBe("train");
    expect(parseCliArgs(["--backend", "wasm"]).backend).toBe("wasm");
    expect(parseCliArgs(["system", "--backend=cpu"]).backend).toBe("cpu");
  });

  it("rejects backends Node cannot run and screens it does not have, naming the choices", () => {
    expect(() => parseCliArgs(["--backend", "webgl"])).toThrow(
      /--backend must be one of auto, node-gpu, node, wasm, cpu, got "webgl"/,
    );
    expect(() => parseCliArgs(["trian"])).toThrow(
      /SCREEN must be one of overview, train, eval, detect, jobs, system, got "trian"/,
    );
  });

  it("reads the training flags as wakeforge train names them", () => {
    const args = parseCliArgs([
      "train",
      "--word",
      "hey nova",
      "--synth",
      "8",
      "--epochs=2",
      "--background-minutes",
      "0",
      "--negative-minutes",
      "1",
      "--no-compare-scratch",
      "--out",
      "models/x",
      "--start",
    ]);
    expect(args.training).toEqual({
      word: "hey nova",
      synth: 8,
      epochs: 2,
      backgroundMinutes: 0,
      negativeMinutes: 1,
      compareScratch: false,
      out: "models/x",
    });
    expect(args.start).toBe(true);
  });

  it("says which number is wrong and why", () => {
    expect(() => parseCliArgs(["--epochs", "0"])).toThrow(
      '--epochs must be a whole number of at least 1, got "0"',
    );
    expect(() => parseCliArgs(["--synth", "2.5"])).toThrow(/--synth .* got "2.5"/);
    expect(() => parseCliArgs(["--compare-scratch", "--no-compare-scratch"])).toThrow(
      CliUsageError,
    );
  });

  it("rejects unknown options, stray words and missing values", () => {
    expect(() => parseCliArgs(["--verbose"])).toThrow(CliUsageError);
    expect(() => parseCliArgs(["train", "now"])).toThrow(/unexpected argument "now"/);
    expect(() => parseCliArgs(["--backend"])).toThrow(CliUsageError);
  });

  it("reads -h and --help", () => {
    expect(parseCliArgs(["-h"]).help).toBe(true);
    expect(parseCliArgs(["--help"]).help).toBe(true);
  });
});
