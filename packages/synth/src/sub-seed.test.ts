import { createSeededRandom } from "@wakeforge/audio";
import { describe, expect, it } from "vitest";
import { subSeed } from "./sub-seed.js";

describe("subSeed", () => {
  it("is stable, and seeds differing in one letter start their sequences far apart", () => {
    expect(subSeed(1, "positives")).toBe(subSeed("1", "positives"));
    expect(subSeed(1, "positives")).not.toBe(subSeed(1, "negatives"));
    const letters = [..."abcdefghijklmnopqrstuvwxyz"];
    const firstDraws = letters.map((s) => createSeededRandom(subSeed(s, "x")).nextInt(100));
    // 26 draws from 100 buckets: well spread, unlike the raw seeds' first outputs.
    expect(new Set(firstDraws).size).toBeGreaterThan(18);
    expect(Math.max(...firstDraws) - Math.min(...firstDraws)).toBeGreaterThan(60);
  });
});
