import { describe, expect, it } from "vitest";
import { JobSpecError } from "./errors.js";
import { TRAIN_DEFAULTS } from "./job-spec.js";
import { parseJobSpec, parseJobSpecJson } from "./parse-job-spec.js";

/** Runs `fn`, expecting a JobSpecError, and returns it. */
function specError(fn: () => unknown): JobSpecError {
  try {
    fn();
  } catch (error) {
    if (error instanceof JobSpecError) return error;
    throw error;
  }
  throw new Error("expected a JobSpecError, but the spec was accepted");
}

const minimalTrain = { kind: "train", word: "hey nova", synth: 200, out: "models/hey-nova" };

describe("parseJobSpec: valid specs", () => {
  it("fills every default of a train spec and keeps what was given", () => {
    const spec = parseJobSpec(minimalTrain);
    expect(spec).toEqual({ version: 1, ...TRAIN_DEFAULTS, ...minimalTrain });
  });

  it("lets a train spec override each default", () => {
    const given = {
      version: 1,
      kind: "train",
      word: "hey nova",
      positives: "data/pos",
      negatives: "data/neg",
      background: "data/noise",
      synth: 0,
      base: "my-base",
      epochs: 1000,
      seed: 7,
      compareScratch: true,
      fineTune: true,
      backgroundMinutes: 0,
      negativeMinutes: 1,
      backend: "wasm",
      out: "out",
    } as const;
    expect(parseJobSpec(given)).toEqual(given);
  });

  it("defaults like `wakeforge train`: 10 epochs, an hour of background and of negatives", () => {
    expect(parseJobSpec(minimalTrain)).toMatchObject({
      epochs: 10,
      backgroundMinutes: 60,
      negativeMinutes: 60,
      fineTune: false,
    });
  });

  it("trims the phrase and paths", () => {
    const spec = parseJobSpec({ ...minimalTrain, word: "  hey nova ", out: " out " });
    expect(spec).toMatchObject({ word: "hey nova", out: "out" });
  });

  it("accepts recordings without synthetic speech", () => {
    const spec = parseJobSpec({ kind: "train", word: "hey nova", positives: "pos", out: "o" });
    expect(spec).toMatchObject({ positives: "pos", synth: 0 });
  });

  it("reads eval, synthesize, export and pretrain specs with their defaults", () => {
    expect(parseJobSpec({ kind: "eval", model: "m", positives: "p", negatives: "n" })).toEqual({
      version: 1,
      kind: "eval",
      model: "m",
      positives: "p",
      negatives: "n",
    });
    expect(
      parseJobSpec({ kind: "eval", model: "m", positives: "p", negatives: "n", out: "r" }),
    ).toMatchObject({ out: "r" });
    expect(parseJobSpec({ kind: "synthesize", word: "hey nova", count: 50, out: "o" })).toEqual({
      version: 1,
      kind: "synthesize",
      word: "hey nova",
      count: 50,
      language: "en",
      negatives: false,
      out: "o",
    });
    expect(
      parseJobSpec({
        kind: "synthesize",
        word: "w",
        count: 1,
        negatives: 20,
        language: "en-GB",
        out: "o",
      }),
    ).toMatchObject({ negatives: 20, language: "en-GB" });
    expect(parseJobSpec({ kind: "export", model: "m", format: "onnx", out: "m.onnx" })).toEqual({
      version: 1,
      kind: "export",
      model: "m",
      format: "onnx",
      out: "m.onnx",
    });
    expect(parseJobSpec({ kind: "pretrain", corpus: "speech-commands", out: "base" })).toEqual({
      version: 1,
      kind: "pretrain",
      corpus: "speech-commands",
      out: "base",
      epochs: 20,
    });
  });
});

describe("parseJobSpec: invalid specs", () => {
  it("names the source and the field in the brief's words", () => {
    const error = specError(() => parseJobSpec({ ...minimalTrain, epochs: 0 }, "train.json"));
    expect(error.message).toBe("train.json: epochs: must be an integer between 1 and 1000, got 0");
    expect(error.code).toBe("INVALID_JOB_SPEC");
    expect(error.source).toBe("train.json");
    expect(error.issues).toEqual([
      { path: "epochs", message: "must be an integer between 1 and 1000, got 0" },
    ]);
  });

  // Each row: a field, a bad value, words the message must contain.
  const trainCases: [field: string, value: unknown, expected: string][] = [
    ["word", "   ", "non-empty phrase"],
    ["word", 42, "got 42"],
    ["positives", "", "directory path"],
    ["negatives", null, "got null"],
    ["background", ["a"], "got a list"],
    ["synth", -1, "integer of at least 0, got -1"],
    ["synth", 2.5, "got 2.5"],
    ["base", "", "word network's directory"],
    ["epochs", 1001, "between 1 and 1000, got 1001"],
    ["epochs", "30", 'got "30"'],
    ["epochs", 1.5, "got 1.5"],
    ["seed", -3, "between 0 and 4294967295, got -3"],
    ["compareScratch", "yes", 'true or false, got "yes"'],
    ["fineTune", 1, "true or false, got 1"],
    ["backgroundMinutes", -1, "integer of at least 0, got -1"],
    ["backgroundMinutes", 0.5, "got 0.5"],
    ["negativeMinutes", 0, "integer of at least 1, got 0"],
    ["negativeMinutes", "60", 'got "60"'],
    ["backend", "webgl", 'one of auto, node-gpu, node, wasm, cpu, got "webgl"'],
    ["out", "", "an output directory path"],
    ["version", 2, "must be 1"],
  ];
  it.each(trainCases)("train %s = %j is reported", (field, value, expected) => {
    const error = specError(() => parseJobSpec({ ...minimalTrain, [field]: value }, "t.json"));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]?.path).toBe(field);
    expect(error.issues[0]?.message).toContain(expected);
    expect(error.message).toBe(`t.json: ${field}: ${error.issues[0]?.message}`);
  });

  it("reports every bad field, one line each, and a missing field as required", () => {
    const error = specError(() => parseJobSpec({ kind: "train", epochs: 0, synth: 1 }, "t.json"));
    expect(error.issues.map((issue) => issue.path).sort()).toEqual(["epochs", "out", "word"]);
    expect(error.issues.find((issue) => issue.path === "word")?.message).toMatch(/^is required/);
    const lines = error.message.split("\n");
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatch(/^t\.json: (epochs|out|word): /);
  });

  it("needs examples of the word: positives or synthetic speech", () => {
    const error = specError(() => parseJobSpec({ kind: "train", word: "hey", out: "o" }));
    expect(error.issues).toEqual([
      { path: "synth", message: expect.stringContaining("positives") },
    ]);
  });

  it("rejects unknown fields and suggests the one probably meant", () => {
    const error = specError(() =>
      parseJobSpec({ ...minimalTrain, epoch: 3, compare_scratch: true, colour: "red" }),
    );
    const byPath = Object.fromEntries(error.issues.map((issue) => [issue.path, issue.message]));
    expect(byPath["epoch"]).toContain('did you mean "epochs"');
    expect(byPath["compare_scratch"]).toContain('did you mean "compareScratch"');
    expect(byPath["colour"]).toBe("is not a field of a train job");
  });

  it("names an unknown kind and a value that is not an object", () => {
    expect(specError(() => parseJobSpec({ kind: "trian" })).issues).toEqual([
      { path: "kind", message: expect.stringMatching(/one of train, eval.*got "trian"/) },
    ]);
    expect(specError(() => parseJobSpec({})).issues[0]?.message).toMatch(/^is required/);
    expect(specError(() => parseJobSpec("train")).issues).toEqual([
      { path: "", message: expect.stringContaining('JSON object with a "kind" field') },
    ]);
  });

  it("checks the fields of the other kinds", () => {
    const cases: [spec: Record<string, unknown>, path: string][] = [
      [{ kind: "eval", model: "m", positives: "p" }, "negatives"],
      [{ kind: "eval", model: "m", positives: "p", negatives: "n", out: " " }, "out"],
      [{ kind: "synthesize", word: "w", count: 0, out: "o" }, "count"],
      [{ kind: "synthesize", word: "w", count: 1, language: "English", out: "o" }, "language"],
      [{ kind: "synthesize", word: "w", count: 1, negatives: "many", out: "o" }, "negatives"],
      [{ kind: "export", model: "m", format: "tflite", out: "o" }, "format"],
      [{ kind: "pretrain", corpus: "c", out: "o", epochs: 0 }, "epochs"],
    ];
    for (const [spec, path] of cases) {
      expect(specError(() => parseJobSpec(spec)).issues.map((issue) => issue.path)).toEqual([path]);
    }
  });

  it("calls the source 'job spec' when none is given", () => {
    expect(specError(() => parseJobSpec({ kind: "eval" })).message).toMatch(/^job spec: /);
  });
});

describe("parseJobSpecJson", () => {
  it("parses JSON text, ignoring a byte-order mark", () => {
    const text = `\uFEFF${JSON.stringify(minimalTrain)}`;
    expect(parseJobSpecJson(text, "t.json")).toEqual(parseJobSpec(minimalTrain));
  });

  it("reports malformed JSON with the line and column where it went wrong", () => {
    // The trailing comma is only wrong once the parser meets the `}` on line 4, column 1.
    const text = '{\n  "kind": "train",\n  "epochs": 3,\n}\n';
    const error = specError(() => parseJobSpecJson(text, "train.json"));
    expect(error.location).toEqual({ line: 4, column: 1 });
    expect(error.message).toMatch(/^train\.json: invalid JSON at line 4, column 1: /);
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });

  it("counts columns within a line", () => {
    const text = '{\n  "word": "hey nova"\n  "out": "o"\n}';
    const error = specError(() => parseJobSpecJson(text));
    // The missing comma shows where the next property starts: line 3, column 3.
    expect(error.location).toEqual({ line: 3, column: 3 });
  });

  it("reports a file that ends too soon at its end", () => {
    const error = specError(() => parseJobSpecJson('{"kind": "train",\n"word": ', "t.json"));
    expect(error.location).toEqual({ line: 2, column: 9 });
    expect(specError(() => parseJobSpecJson("", "empty.json")).message).toContain("invalid JSON");
  });

  it("still reports malformed JSON whose position the parser does not give", () => {
    const error = specError(() => parseJobSpecJson('{"epochs": }', "t.json"));
    expect(error.message).toMatch(/^t\.json: invalid JSON/);
    expect(error.issues).toHaveLength(1);
  });

  it("validates well-formed JSON like parseJobSpec", () => {
    const text = JSON.stringify({ ...minimalTrain, epochs: 0 });
    expect(specError(() => parseJobSpecJson(text, "t.json")).message).toBe(
      "t.json: epochs: must be an integer between 1 and 1000, got 0",
    );
  });
});
