import { cleanup, render } from "ink-testing-library";
import { afterEach, describe, expect, it } from "vitest";
import { stripAnsi } from "../../test/ansi.js";
import { KeyHints } from "./KeyHints.js";

afterEach(cleanup);

describe("KeyHints", () => {
  it("shows each key with its action, in order", () => {
    const hints = [
      { key: "q", action: "quit" },
      { key: "r", action: "re-probe" },
    ];
    const frame = stripAnsi(render(<KeyHints hints={hints} />).lastFrame() ?? "");
    expect(frame.indexOf("q quit")).toBeGreaterThanOrEqual(0);
    expect(frame.indexOf("r re-probe")).toBeGreaterThan(frame.indexOf("q quit"));
  });
});
