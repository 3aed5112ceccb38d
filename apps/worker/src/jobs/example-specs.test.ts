// The specs in examples/jobs/ are valid, and their paths land in the repository's ignored data
// folder whatever the working directory.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseJobSpecJson } from "@wakeforge/jobs";
import { describe, expect, it } from "vitest";
import { resolveSpecPaths } from "./spec-paths.js";

const REPO_ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const EXAMPLES = join(REPO_ROOT, "examples", "jobs");
const files = readdirSync(EXAMPLES).filter((name) => name.endsWith(".json"));

describe("examples/jobs", () => {
  it("has the train, synthesize, eval and export examples", () => {
    expect(files.sort()).toEqual([
      "eval.json",
      "export-onnx.json",
      "synthesize.json",
      "train-hey-nova.json",
      "train-small.json",
    ]);
  });

  it.each(files)("%s is a valid spec writing under .wakeforge/", (name) => {
    const path = join(EXAMPLES, name);
    const spec = resolveSpecPaths(
      parseJobSpecJson(readFileSync(path, "utf8"), path),
      dirname(path),
    );
    if ("out" in spec && spec.out !== undefined)
      expect(spec.out.startsWith(join(REPO_ROOT, ".wakeforge"))).toBe(true);
  });
});
