import { describe, expect, it } from "vitest";
import { nonNegativeFlag, thresholdFlag, wholeNumberFlag } from "./flags.js";
import { UsageError } from "./usage-error.js";

describe("numeric flags", () => {
  it("read values, fall back when absent, and name flag and value when wrong", () => {
    expect(wholeNumberFlag("12", "--epochs", 10)).toBe(12);
    expect(wholeNumberFlag(undefined, "--epochs", 10)).toBe(10);
    expect(wholeNumberFlag("0", "--synth", 0, 0)).toBe(0);
    expect(() => wholeNumberFlag("2.5", "--epochs", 10)).toThrow(
      new UsageError("--epochs 2.5: expected a whole number ≥ 1"),
    );
    expect(thresholdFlag("0.25", "--threshold")).toBe(0.25);
    expect(thresholdFlag(undefined, "--threshold")).toBeUndefined();
    for (const bad of ["1.5", "-0.1", "abc", "Infinity"]) {
      expect(() => thresholdFlag(bad, "--threshold")).toThrow(
        `--threshold ${bad}: expected a number between 0 and 1`,
      );
    }
    expect(nonNegativeFlag("0", "--refractory", "seconds")).toBe(0);
    expect(nonNegativeFlag(undefined, "--refractory", "seconds")).toBeUndefined();
    for (const bad of ["-1", "x", "Infinity"]) {
      expect(() => nonNegativeFlag(bad, "--target-fa", "false accepts per hour")).toThrow(
        `--target-fa ${bad}: expected false accepts per hour ≥ 0`,
      );
    }
  });
});
