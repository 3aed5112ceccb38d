import { describe, expect, it } from "vitest";
import { COMMON_WORDS, EVERYDAY_SENTENCES, generalSpeechTexts } from "./general-speech.js";
import { wordsOf } from "./text-words.js";

describe("general speech texts", () => {
  it("the built-in lists hold at least 200 distinct sentences and 300 distinct words", () => {
    expect(new Set(EVERYDAY_SENTENCES).size).toBe(EVERYDAY_SENTENCES.length);
    expect(EVERYDAY_SENTENCES.length).toBeGreaterThanOrEqual(200);
    expect(new Set(COMMON_WORDS).size).toBe(COMMON_WORDS.length);
    expect(COMMON_WORDS.length).toBeGreaterThanOrEqual(300);
  });

  it("is deterministic for a seed, mixes sentences and single words, repeats nothing early", () => {
    const texts = generalSpeechTexts({ count: 90, seed: 5 });
    expect(generalSpeechTexts({ count: 90, seed: 5 })).toEqual(texts);
    expect(generalSpeechTexts({ count: 90, seed: 6 })).not.toEqual(texts);
    expect(new Set(texts).size).toBe(90);
    const single = texts.filter((t) => wordsOf(t).length === 1).length;
    expect(single).toBe(30);
  });

  it("never includes text holding the phrase's words in order", () => {
    // "the train" and "the bus" occur in several built-in sentences.
    for (const phrase of ["the train", "The BUS!", "day"]) {
      const texts = generalSpeechTexts({ count: 400, seed: 1, exclude: phrase });
      expect(texts).toHaveLength(400);
      const banned = wordsOf(phrase).join(" ");
      expect(texts.filter((t) => ` ${wordsOf(t).join(" ")} `.includes(` ${banned} `))).toEqual([]);
      const unfiltered = generalSpeechTexts({ count: 400, seed: 1 });
      expect(unfiltered.some((t) => ` ${wordsOf(t).join(" ")} `.includes(` ${banned} `))).toBe(
        true,
      );
    }
  });

  it("rejects a bad count", () => {
    expect(() => generalSpeechTexts({ count: -1, seed: 1 })).toThrow(RangeError);
  });
});
