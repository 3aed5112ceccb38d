import { describe, expect, it } from "vitest";
import { createSeededRandom } from "./seeded-random.js";

const draw = (seed: number | string, count: number) => {
  const random = createSeededRandom(seed);
  return Array.from({ length: count }, () => random.next());
};

describe("createSeededRandom", () => {
  it("repeats its sequence for the same seed, and numbers and their text agree", () => {
    expect(draw(42, 100)).toEqual(draw(42, 100));
    expect(draw(42, 100)).toEqual(draw("42", 100));
  });

  it("gives unrelated sequences for neighbouring seeds", () => {
    const a = draw(1, 1000);
    const b = draw(2, 1000);
    const same = a.filter((value, i) => value === b[i]).length;
    expect(same).toBe(0);
    expect(new Set(a).size).toBe(1000);
  });

  it("fills [0, 1) evenly (chi-square over 20 bins)", () => {
    const bins = new Array<number>(20).fill(0);
    const samples = draw("uniformity", 40_000);
    expect(Math.min(...samples)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...samples)).toBeLessThan(1);
    for (const value of samples) {
      const bin = Math.floor(value * bins.length);
      bins[bin] = (bins[bin] ?? 0) + 1;
    }
    const expected = samples.length / bins.length;
    const chiSquare = bins.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
    // 19 degrees of freedom: 43.8 is the 0.1 % tail, so a fair generator stays well below.
    expect(chiSquare).toBeLessThan(43.8);
  });

  it("nextInt stays in range and reaches every value", () => {
    const random = createSeededRandom(7);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i += 1) {
      const value = random.nextInt(13);
      expect(Number.isInteger(value)).toBe(true);
      seen.add(value);
    }
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 13 }, (_, i) => i));
    expect(() => random.nextInt(0)).toThrow(RangeError);
    expect(() => random.nextInt(2.5)).toThrow(/positive integer/);
    expect(() => createSeededRandom(Number.NaN)).toThrow(/finite/);
  });

  it("shuffled returns a permutation, leaves its input alone, and reaches every order evenly", () => {
    const random = createSeededRandom("shuffle");
    const items = ["a", "b", "c"] as const;
    const counts = new Map<string, number>();
    for (let i = 0; i < 6000; i += 1) {
      const order = random.shuffled(items);
      expect([...order].sort()).toEqual(["a", "b", "c"]);
      counts.set(order.join(""), (counts.get(order.join("")) ?? 0) + 1);
    }
    expect(items).toEqual(["a", "b", "c"]);
    expect(counts.size).toBe(6);
    for (const count of counts.values()) expect(Math.abs(count - 1000)).toBeLessThan(150);
  });
});
