import { describe, expect, it } from "vitest";
import { mapWithConcurrency } from "./run-pool.js";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("mapWithConcurrency", () => {
  it("keeps at most `concurrency` calls in flight and the results in input order", async () => {
    let running = 0;
    let peak = 0;
    const results = await mapWithConcurrency([30, 5, 20, 1, 10, 2], 2, async (ms, i) => {
      running += 1;
      peak = Math.max(peak, running);
      await pause(ms);
      running -= 1;
      return i * 10;
    });
    expect(results).toEqual([0, 10, 20, 30, 40, 50]);
    expect(peak).toBe(2);
  });

  it("stops handing out work after a failure and rethrows it", async () => {
    const started: number[] = [];
    const run = mapWithConcurrency([0, 1, 2, 3, 4, 5], 1, async (n) => {
      started.push(n);
      if (n === 2) throw new Error("boom at 2");
      return n;
    });
    await expect(run).rejects.toThrow("boom at 2");
    expect(started).toEqual([0, 1, 2]);
    await expect(mapWithConcurrency([1], 0, async (n) => n)).rejects.toThrow(RangeError);
  });
});
