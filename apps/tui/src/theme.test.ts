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

  it("reads FORCE_COLOR as chalk does: 0 or false off, anything else on", () => {
    expect(colorEnabled({ FORCE_COLOR: "0" })).toBe(false);
    expect(colorEnabled({ FORCE_COLOR: "false" })).toBe(false);
    expect(colorEnabled({ FORCE_COLOR: "1", TERM: "dumb" })).toBe(true);
    expect(colorEnabled({ FORCE_COLOR: "3" })).toBe(true);
    // NO_COLOR wins: a person who asked for no colour gets none.
    expect(colorEnabled({ FORCE_COLOR: "1", NO_COLOR: "1" })).toBe(false);
  });

  it("has no colour on a dumb terminal", () => {
    expect(colorEnabled({ TERM: "dumb" })).toBe(false);
  });

  it("names no colour at all in the plain theme", () => {
    const { series, ...roles } = PLAIN_THEME;
    expect(Object.values(roles).every((color) => color === undefined)).toBe(true);
    expect(series).toEqual([]);
    expect(Object.keys(PLAIN_THEME).sort()).toEqual(Object.keys(COLOR_THEME).sort());
  });
});
