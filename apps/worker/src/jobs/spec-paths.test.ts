import { parseJobSpec } from "@wakeforge/jobs";
import { describe, expect, it } from "vitest";
import { resolveSpecPaths } from "./spec-paths.js";

describe("resolveSpecPaths", () => {
  it("makes a spec's relative paths absolute against the spec file's folder", () => {
    const spec = parseJobSpec({
      kind: "train",
      word: "hey nova",
      positives: "recordings",
      background: "/data/noise",
      synth: 10,
      out: "../models/hey-nova",
    });
    expect(resolveSpecPaths(spec, "/home/me/jobs")).toEqual({
      ...spec,
      positives: "/home/me/jobs/recordings",
      background: "/data/noise",
      out: "/home/me/models/hey-nova",
    });
  });

  it("leaves alone what is not a path, and fields a spec left out", () => {
    const spec = parseJobSpec({ kind: "eval", model: "m", positives: "p", negatives: "n" });
    const resolved = resolveSpecPaths(spec, "/x");
    expect(resolved).toEqual({
      version: 1,
      kind: "eval",
      model: "/x/m",
      positives: "/x/p",
      negatives: "/x/n",
    });
    const exported = parseJobSpec({ kind: "export", model: "m", format: "onnx", out: "h.onnx" });
    expect(resolveSpecPaths(exported, "/x")).toMatchObject({ format: "onnx", out: "/x/h.onnx" });
  });

  it("resolves a train job's base when it names a word network's folder, not the zoo's base", () => {
    const zoo = parseJobSpec({ kind: "train", word: "hey nova", synth: 10, out: "m" });
    expect(resolveSpecPaths(zoo, "/x")).toMatchObject({ base: "speech-embedding" });
    const own = parseJobSpec({ ...zoo, base: "../bases/words" });
    expect(resolveSpecPaths(own, "/x/jobs")).toMatchObject({ base: "/x/bases/words" });
  });
});
