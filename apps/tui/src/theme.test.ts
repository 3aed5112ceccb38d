import { describe, expect, it } from "vitest";
import { COLOR_THEME, PLAIN_THEME, colorEnabled, themeFor } from "./theme.js";

describe("theme", () => {
  it("turns colour off when NO_COLOR is set to anything but the empty string", () => {
    expect(colorEnabled({})).toBe(true);
    expect(colorEnabled({ NO_COLOR: "" })).toBe(true);
    expect(colorEnabled({ NO_COLOR: "1" })).toBe(false);
    expect(colorEnabled({ NO_COLOR: "0" })).toBe(false); // any value counts, even "0"
    expect(themeFor({ NO_COLOR: "1" })).toBe(PLAIN_THEME);
    expect(themeFor({ TERM: "xterm" })).toBe(COLOR_THEME);
  });

  it("names no colour at all in the plain theme", () => {
    expect(Object.values(PLAIN_THEME).every((color) => color === undefined)).toBe(true);
    expect(Object.keys(PLAIN_THEME).sort()).toEqual(Object.keys(COLOR_THEME).sort());
  });
});
