import { DatasetError, ModelFormatError } from "@wakeforge/core";
import { NoSynthEngineError } from "@wakeforge/synth";
import { describe, expect, it } from "vitest";
import { UsageError } from "../usage-error.js";
import { JobRunError, classifyFailure } from "./job-failure.js";

function fsError(code: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${path}`), { code, syscall: "open", path });
}

describe("classifyFailure", () => {
  it("fails for good what no other run can fix: missing input, a file that is not a model", () => {
    expect(classifyFailure(new DatasetError("/data/pos: not a folder"))).toMatchObject({
      retry: false,
      message: "/data/pos: not a folder",
    });
    expect(
      classifyFailure(new ModelFormatError("/m/wakeforge.json", "file not found")),
    ).toMatchObject({
      retry: false,
    });
    expect(classifyFailure(fsError("ENOENT", "/m"))).toEqual({
      retry: false,
      code: "ENOENT",
      message: "/m: file not found",
    });
    expect(classifyFailure(new UsageError("/n: no audio files"))).toMatchObject({
      retry: false,
      code: "INVALID_JOB_INPUT",
    });
  });

  it("retries what may pass or work elsewhere: a full disk, a missing engine, a crash", () => {
    expect(classifyFailure(fsError("ENOSPC", "/out")).retry).toBe(true);
    expect(classifyFailure(new NoSynthEngineError([])).retry).toBe(true);
    expect(classifyFailure(new RangeError("out of memory"))).toEqual({
      retry: true,
      code: "JOB_FAILED",
      message: "out of memory",
    });
  });

  it("takes a JobRunError's own verdict", () => {
    const error = new JobRunError("BACKEND_MISMATCH", "wants node-gpu", { retry: true });
    expect(classifyFailure(error)).toEqual({
      retry: true,
      code: "BACKEND_MISMATCH",
      message: "wants node-gpu",
    });
  });
});
