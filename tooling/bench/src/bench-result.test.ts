// The JSON `wakeforge bench --json` prints: the figures the issue names exist and are numbers,
// beside the raw figures and the machine. A quick run (tiny workloads) checks the real thing;
// no timing is asserted, only shape.
import { describe, expect, it } from "vitest";
import { SECTIONS, goalsOf, type BenchResult } from "./bench-result.js";
import { formatReadmeTable, formatReport } from "./format-report.js";
import { README_TABLE_END, README_TABLE_START, withBenchTable } from "./readme-table.js";
import { runBench } from "./run-bench.js";
import { pairedRatio } from "./timing.js";

const positive = expect.any(Number) as unknown as number;

function expectPositiveNumber(value: unknown, name: string): void {
  expect(typeof value, name).toBe("number");
  expect(Number.isFinite(value) && (value as number) > 0, `${name} = ${String(value)}`).toBe(true);
}

describe("wakeforge bench --json", () => {
  it("holds the issue's figures beside the raw ones and the machine", async () => {
    const result = await runBench({
      quick: true,
      only: ["logmel", "embedding", "streaming", "headTraining"],
    });
    const json = JSON.parse(JSON.stringify(result)) as Record<string, Record<string, unknown>>;
    const failed = Object.entries(json).filter(([, section]) =>
      String((section as { skipped?: unknown }).skipped ?? "").startsWith("failed"),
    );
    expect(failed, JSON.stringify(failed)).toEqual([]);

    expectPositiveNumber(json.logmel?.ratio, "logmel.ratio");
    expectPositiveNumber(json.logmel?.streamRatio, "logmel.streamRatio");
    expectPositiveNumber(json.embedding?.ratio, "embedding.ratio");
    expectPositiveNumber(json.streaming?.coreFraction, "streaming.coreFraction");
    expectPositiveNumber(json.headTraining?.secondsPerEpoch, "headTraining.secondsPerEpoch");
    expect(json.train).toEqual({ skipped: "not requested" });

    expect(json.logmel?.clips).toMatchObject({
      wakeforgeAudioSecondsPerSecond: positive,
      referenceAudioSecondsPerSecond: positive,
    });
    const runs = json.embedding?.runs as { name: string; backend: string }[];
    expect(runs.map((run) => run.name)).toContain(json.embedding?.best);
    expect(runs.map((run) => run.backend)).toContain("wasm");
    expect(json.machine).toMatchObject({
      logicalCores: positive,
      node: process.version,
      backends: { available: expect.arrayContaining(["wasm", "cpu"]) as unknown },
    });
    expect(result.goals.map((goal) => goal.figure)).toEqual([
      "logmel.ratio",
      "logmel.streamRatio",
      "embedding.ratio",
      "streaming.coreFraction",
    ]);
    expect(result.goals.every((goal) => typeof goal.met === "boolean")).toBe(true);

    const report = formatReport(result);
    expect(report).toContain("log-mel, 2 s clips");
    expect(report).toContain("share of one core");
    const table = formatReadmeTable(result);
    expect(table.split("\n")[0]).toBe("| figure | wakeforge | reference | ratio |");
    const readme = `# x\n\n${README_TABLE_START}\nold\n${README_TABLE_END}\n\nafter\n`;
    const updated = withBenchTable(readme, result);
    expect(updated).toContain(table);
    expect(updated).not.toContain("old");
    expect(withBenchTable(updated, result)).toBe(updated);
    expect(() => withBenchTable("# no markers", result)).toThrow(/bench:start/);
  });

  it("marks goals of sections that did not run as not measured", () => {
    const skipped = { skipped: "not requested" };
    const result: Omit<BenchResult, "goals"> = {
      version: 1,
      startedAt: "2026-01-01T00:00:00.000Z",
      machine: {} as BenchResult["machine"],
      logmel: skipped,
      embedding: skipped,
      streaming: skipped,
      headTraining: skipped,
      train: skipped,
    };
    expect(goalsOf(result).every((goal) => goal.met === null && goal.value === null)).toBe(true);
    expect(SECTIONS).toHaveLength(5);
  });

  it("states ratios as the median of neighbouring rounds' ratios", () => {
    // Reference ÷ wakeforge round times 3, 1, 1 → 1; a ratio of the medians would say 30/20.
    expect(pairedRatio([10, 20, 30], [30, 20, 30])).toBe(1);
    expect(() => pairedRatio([], [])).toThrow(RangeError);
  });
});
