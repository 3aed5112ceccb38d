import { render } from "ink-testing-library";
import type { ReactElement } from "react";
import { describe, expect, it } from "vitest";
import { hasColorCodes, stripAnsi } from "../../test/ansi.js";
import { COLOR_THEME, PLAIN_THEME } from "../theme.js";
import { ThemeContext } from "../use-theme.js";
import { ProgressBar } from "./ProgressBar.js";

function frameOf(element: ReactElement): string {
  const { lastFrame, unmount } = render(element);
  const frame = lastFrame() ?? "";
  unmount();
  return frame;
}

/** Counts the bar's cells in a frame: filled, empty, and the text after the bar. */
function readBar(frame: string) {
  const text = stripAnsi(frame);
  const filled = [...text].filter((c) => c === "█").length;
  const empty = [...text].filter((c) => c === "░").length;
  const label = text.replace(/[█░]/g, "").trim();
  return { filled, empty, label };
}

describe("ProgressBar", () => {
  it.each([
    // fraction, width, filled, empty, percent
    [0, 10, 0, 10, "0%"],
    [0.5, 10, 5, 5, "50%"],
    [0.999, 10, 9, 1, "99%"], // not full, and not 100%, until done
    [1, 10, 10, 0, "100%"],
    [0.25, 7.9, 1, 6, "25%"], // fractional width rounds down to 7 cells
    [-0.5, 8, 0, 8, "0%"], // clamped
    [3, 8, 8, 0, "100%"], // clamped
  ])(
    "fraction %s at width %s: %s filled, %s empty, %s",
    (fraction, width, filled, empty, percent) => {
      const bar = readBar(frameOf(<ProgressBar fraction={fraction} width={width} />));
      expect(bar).toEqual({ filled, empty, label: percent });
    },
  );

  it.each([0, -4, Number.NaN, Infinity])(
    "draws no cells at width %s but keeps the label",
    (width) => {
      const bar = readBar(frameOf(<ProgressBar fraction={0.5} width={width} />));
      expect(bar).toEqual({ filled: 0, empty: 0, label: "50%" });
    },
  );

  it("draws an empty bar for an unknown (NaN) fraction", () => {
    const bar = readBar(frameOf(<ProgressBar fraction={Number.NaN} width={6} />));
    expect(bar).toEqual({ filled: 0, empty: 6, label: "--%" });
  });

  it("shows the ETA when it is known", () => {
    expect(readBar(frameOf(<ProgressBar fraction={0.4} width={5} etaSeconds={185} />)).label).toBe(
      "40%  ETA 3m 05s",
    );
    expect(readBar(frameOf(<ProgressBar fraction={0.4} width={5} etaSeconds={3720} />)).label).toBe(
      "40%  ETA 1h 02m",
    );
    for (const unknown of [undefined, Number.NaN, Infinity]) {
      const label = readBar(
        frameOf(<ProgressBar fraction={0.4} width={5} etaSeconds={unknown} />),
      ).label;
      expect(label).toBe("40%");
    }
  });

  it("colours the filled part only with a colour theme", () => {
    const bar = <ProgressBar fraction={0.5} width={4} />;
    expect(hasColorCodes(frameOf(<ThemeContext value={COLOR_THEME}>{bar}</ThemeContext>))).toBe(
      true,
    );
    expect(hasColorCodes(frameOf(<ThemeContext value={PLAIN_THEME}>{bar}</ThemeContext>))).toBe(
      false,
    );
  });
});
