import { describe, expect, it } from "vitest";
import { createTerminalProgress, renderBar } from "./terminal-progress.js";

function recorder(isTTY: boolean) {
  let text = "";
  return { stream: { isTTY, columns: 80, write: (t: string) => (text += t) }, text: () => text };
}

describe("terminal progress", () => {
  it("draws a bar proportional to the fraction, clamped", () => {
    expect(renderBar(0, 10)).toBe("░".repeat(10));
    expect(renderBar(0.5, 10)).toBe("█".repeat(5) + "░".repeat(5));
    expect(renderBar(2, 10)).toBe("█".repeat(10));
    expect(renderBar(Number.NaN, 10)).toBe("░".repeat(10));
  });

  it("on a terminal redraws one line with an ETA that reflects the rate, and keeps logged lines", () => {
    const out = recorder(true);
    let clock = 0;
    const progress = createTerminalProgress({ stream: out.stream, now: () => clock });
    for (let i = 0; i <= 5; i += 1) {
      clock = i * 1000;
      progress.update("training", i / 10, `epoch ${i}`);
    }
    progress.log("epoch 5: loss 0.31");
    progress.done();
    const text = out.text();
    expect(text).toContain("\r\x1b[2K");
    expect(text).toContain("epoch 5: loss 0.31\n");
    // Half done after 5 s at a steady rate: about 5 s left.
    expect(text).toMatch(/50% ETA [456]s {2}training · epoch 5/);
  });

  it("in a log prints plain lines, at most one per interval", () => {
    const out = recorder(false);
    let clock = 0;
    const progress = createTerminalProgress({
      stream: out.stream,
      now: () => clock,
      plainIntervalMs: 5000,
    });
    for (let i = 0; i <= 10; i += 1) {
      clock = i * 1000;
      progress.update("embedding", i / 10);
    }
    const lines = out.text().trim().split("\n");
    expect(lines).toHaveLength(3); // at 0 s, 5 s and the final 100 %
    expect(lines.at(-1)).toMatch(/^\[100%\] embedding/);
    expect(out.text()).not.toContain("\x1b");
  });
});
