import { describe, expect, it } from "vitest";
import { closestName } from "./closest-name.js";

describe("closestName", () => {
  const known = ["epochs", "compareScratch", "positives", "negatives", "seed"];

  it("finds the name a typo meant", () => {
    expect(closestName("epoch", known)).toBe("epochs");
    expect(closestName("positvies", known)).toBe("positives");
    expect(closestName("compare-scratch", known)).toBe("compareScratch");
  });

  it("prefers the nearer of two candidates", () => {
    expect(closestName("negatves", known)).toBe("negatives");
  });

  it("suggests nothing for a name unlike any known one", () => {
    expect(closestName("colour", known)).toBeUndefined();
    expect(closestName("x", [])).toBeUndefined();
  });
});
