import { describe, expect, it } from "vitest";
import { formatBytes, formatDetail, formatDuration, formatSeconds, plural } from "./format";

describe("formatBytes", () => {
  it.each([
    [0, "0 B"],
    [1023, "1023 B"],
    [1536, "1.5 KiB"],
    [25_276_026_880, "23.5 GiB"],
    [150 * 1024 * 1024, "150 MiB"],
    [-1, "unknown"],
    [Number.NaN, "unknown"],
  ])("%d → %s", (bytes, text) => expect(formatBytes(bytes)).toBe(text));
});

describe("formatDuration", () => {
  it.each([
    [0, "0 s"],
    [59.9, "59 s"],
    [61, "1 min"],
    [3725, "1 h 2 min"],
    [3 * 86_400 + 7200, "3 d 2 h"],
    [-5, "unknown"],
  ])("%d s → %s", (seconds, text) => expect(formatDuration(seconds)).toBe(text));
});

describe("formatDetail", () => {
  it("spells booleans as yes and no", () => {
    expect(formatDetail(true)).toBe("yes");
    expect(formatDetail(false)).toBe("no");
    expect(formatDetail(4)).toBe("4");
  });
});

describe("formatSeconds", () => {
  it.each([
    [0, "0.0 s"],
    [1.43, "1.4 s"],
    [59.94, "59.9 s"],
    [125, "2 min 05 s"],
    [Number.NaN, "unknown"],
  ])("%s → %s", (seconds, text) => {
    expect(formatSeconds(seconds)).toBe(text);
  });
});

describe("plural", () => {
  it("counts in words", () => {
    expect(plural(1, "sample")).toBe("1 sample");
    expect(plural(0, "sample")).toBe("0 samples");
    expect(plural(2, "file")).toBe("2 files");
  });
});
