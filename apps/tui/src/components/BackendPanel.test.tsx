import type { BackendReport } from "@wakeforge/core";
import { cleanup, render } from "ink-testing-library";
import { afterEach, describe, expect, it } from "vitest";
import { isDimmed, stripAnsi } from "../../test/ansi.js";
import { BackendPanel } from "./BackendPanel.js";

const autoReport: BackendReport = {
  requested: "auto",
  backend: "wasm",
  tfBackend: "wasm",
  skipped: [
    { backend: "node-gpu", reason: "no NVIDIA driver found" },
    { backend: "node", reason: "native addon not built" },
  ],
  details: { simd: true, threads: 4 },
};

afterEach(cleanup);

describe("BackendPanel", () => {
  it("names the backend in use, how it was chosen, and its details", () => {
    const frame = stripAnsi(render(<BackendPanel report={autoReport} />).lastFrame() ?? "");
    expect(frame).toContain('wasm (tfjs "wasm"), chosen automatically');
    expect(frame).toContain("simd: true");
    expect(frame).toContain("threads: 4");
  });

  it("lists each skipped backend with its reason, best first, dimmed", () => {
    const raw = render(<BackendPanel report={autoReport} />).lastFrame() ?? "";
    const frame = stripAnsi(raw);
    const lines = autoReport.skipped.map((s) => `${s.backend}: ${s.reason}`);
    for (const line of lines) {
      expect(frame).toContain(line);
      expect(isDimmed(raw, line)).toBe(true);
    }
    expect(frame.indexOf(lines[0] ?? "")).toBeLessThan(frame.indexOf(lines[1] ?? ""));
    // The backend in use is not dimmed.
    expect(isDimmed(raw, "wasm")).toBe(false);
  });

  it("has no skipped section when nothing was skipped", () => {
    const report: BackendReport = {
      requested: "cpu",
      backend: "cpu",
      tfBackend: "cpu",
      skipped: [],
      details: {},
    };
    const frame = stripAnsi(render(<BackendPanel report={report} />).lastFrame() ?? "");
    expect(frame).toContain('cpu (tfjs "cpu"), as requested');
    expect(frame).not.toMatch(/skipped/i);
  });

  it("wraps a long reason under itself", () => {
    const reason = "word ".repeat(40).trim();
    const report: BackendReport = { ...autoReport, skipped: [{ backend: "node", reason }] };
    const frame = stripAnsi(render(<BackendPanel report={report} />).lastFrame() ?? "");
    const reasonLines = frame.split("\n").filter((line) => line.includes("word"));
    expect(reasonLines.length).toBeGreaterThan(1);
    for (const line of reasonLines) expect(line).toMatch(/^ {2}\S/);
  });
});
