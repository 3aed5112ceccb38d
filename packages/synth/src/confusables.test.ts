import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { confusablePhrases } from "./confusables.js";
import { phonemeDistance, phonemize } from "./phonemes.js";
import { wordsOf } from "./text-words.js";

const hasEspeak = spawnSync("espeak-ng", ["--version"], { stdio: "ignore" }).status === 0;
const normalized = (text: string) => wordsOf(text).join(" ");

describe.skipIf(!hasEspeak)("confusable phrases from phonemes", () => {
  it("for 'hey nova': partial, substituted and added forms, never the phrase", async () => {
    const result = await confusablePhrases("Hey, Nova!", { count: 60, seed: 1 });
    expect(result.method).toBe("phonemes");
    expect(result.note).toBeUndefined();
    const texts = result.phrases.map((p) => normalized(p.text));
    expect(texts).toHaveLength(60);
    expect(new Set(texts).size).toBe(60);
    expect(texts).not.toContain("hey nova");
    expect(texts).toEqual(expect.arrayContaining(["hey", "nova", "hey no", "a nova", "hey nover"]));
    const kinds = new Set(result.phrases.map((p) => p.kind));
    expect(kinds).toEqual(new Set(["partial", "substitution", "addition"]));
    // Substitutions keep the other word and change the sound a little.
    for (const p of result.phrases.filter((q) => q.kind === "substitution")) {
      expect(p.distance).toBeGreaterThan(0);
      expect(p.distance).toBeLessThanOrEqual(2);
      const words = wordsOf(p.text);
      expect(words.includes("hey") || words.includes("nova")).toBe(true);
    }
  });

  it("leaves out homophones: nothing sounds exactly like the phrase", async () => {
    const result = await confusablePhrases("hey nova", { count: 120, seed: 2 });
    const [phrase, ...others] = await phonemize(
      ["hey nova", ...result.phrases.map((p) => p.text)],
      { voice: "en-us" },
    );
    for (const sounds of others) {
      expect(phonemeDistance(sounds ?? [], phrase ?? [])).toBeGreaterThan(0);
    }
    expect(result.phrases.map((p) => normalized(p.text))).not.toContain("hay nova");
  });

  it("is deterministic for a seed", async () => {
    const first = await confusablePhrases("okay computer", { count: 30, seed: "a" });
    expect(await confusablePhrases("okay computer", { count: 30, seed: "a" })).toEqual(first);
    const other = await confusablePhrases("okay computer", { count: 30, seed: "b" });
    expect(other.phrases).not.toEqual(first.phrases);
  });

  it("finds near misses for a single-word phrase too", async () => {
    const result = await confusablePhrases("alexa", { count: 15, seed: 1 });
    const texts = result.phrases.map((p) => normalized(p.text));
    expect(texts).toHaveLength(15);
    expect(texts).not.toContain("alexa");
    expect(texts).toContain("lexa");
  });
});

describe("confusable phrases without pronunciations", () => {
  it("a missing espeak-ng falls back to spelling edits and says so", async () => {
    const result = await confusablePhrases("hey nova", {
      count: 20,
      seed: 1,
      espeakNg: { binary: "/nonexistent/espeak-ng" },
    });
    expect(result.method).toBe("spelling");
    expect(result.note).toMatch(
      /^pronunciations unavailable \(.*not found\): spelling edits only$/,
    );
    const texts = result.phrases.map((p) => normalized(p.text));
    expect(texts).toHaveLength(20);
    expect(texts).toEqual(expect.arrayContaining(["hey", "nova"]));
    expect(texts).not.toContain("hey nova");
    expect(result.phrases.some((p) => p.kind === "substitution")).toBe(true);
  });

  it("another language uses spelling edits, with a note", async () => {
    const result = await confusablePhrases("hallo computer", {
      count: 10,
      seed: 1,
      language: "de",
    });
    expect(result.method).toBe("spelling");
    expect(result.note).toMatch(/built-in word list is English: for "de"/);
    expect(result.phrases.map((p) => normalized(p.text))).not.toContain("hallo computer");
  });

  it("rejects an empty phrase and a bad count", async () => {
    await expect(confusablePhrases(" !", { count: 3, seed: 1 })).rejects.toThrow(/no words/);
    await expect(confusablePhrases("hey", { count: -2, seed: 1 })).rejects.toThrow(RangeError);
  });
});
