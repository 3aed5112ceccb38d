import { describe, expect, it } from "vitest";
import type { Voice, VoiceVariant } from "./engine.js";
import { pickVoices } from "./voices.js";

const languages = ["en-us", "en-gb", "en-029", "de", "de-ch", "fr-fr", "fr-be", "es", "it", "nl"];
const voices: Voice[] = languages.map((language) => ({
  engine: "test-tts",
  id: language,
  language,
  name: `Voice ${language}`,
  gender: "male",
}));
const variants: VoiceVariant[] = [
  ...["f1", "f2", "f3", "f4"].map((id) => ({
    engine: "test-tts",
    id,
    name: id,
    gender: "female" as const,
  })),
  ...["m1", "m2", "m3"].map((id) => ({
    engine: "test-tts",
    id,
    name: id,
    gender: "male" as const,
  })),
  { engine: "test-tts", id: "whisper", name: "whisper" },
];
const groupOf = (voice: Voice) => voice.language.split("-")[0];

describe("pickVoices", () => {
  it("gives the same picks for the same seed and other picks for other seeds", () => {
    const first = pickVoices(voices, 12, "hey nova", { variants });
    expect(pickVoices(voices, 12, "hey nova", { variants })).toEqual(first);
    const others = [1, 2, 3, 4, 5].map((seed) =>
      pickVoices(voices, 12, seed, { variants }).map((p) => p.speakerId),
    );
    expect(others.some((ids) => ids.join() !== first.map((p) => p.speakerId).join())).toBe(true);
  });

  it("covers every language group before repeating one, and every voice before reusing one", () => {
    for (const seed of [1, 2, 3, "x"]) {
      const picks = pickVoices(voices, voices.length, seed);
      const groupCount = new Set(voices.map(groupOf)).size;
      expect(new Set(picks.slice(0, groupCount).map((p) => groupOf(p.voice))).size).toBe(
        groupCount,
      );
      expect(new Set(picks.map((p) => p.voice.id)).size).toBe(voices.length);
    }
  });

  it("never repeats a combination and stops at the number that exist", () => {
    const everything = voices.length * (variants.length + 1);
    const picks = pickVoices(voices, everything + 25, 9, { variants });
    expect(picks).toHaveLength(everything);
    expect(new Set(picks.map((p) => p.speakerId)).size).toBe(everything);
  });

  it("alternates female and other timbres", () => {
    const picks = pickVoices(voices, 20, "balance", { variants });
    const female = picks.filter((p) => p.variant?.gender === "female").length;
    expect(female).toBeGreaterThanOrEqual(8);
    expect(female).toBeLessThanOrEqual(12);
  });

  it("names each pick with a speaker id of engine, voice and variant", () => {
    const picks = pickVoices(voices, 30, 3, { variants });
    for (const pick of picks) {
      const expected =
        pick.variant === undefined
          ? `test-tts:${pick.voice.id}`
          : `test-tts:${pick.voice.id}+${pick.variant.id}`;
      expect(pick.speakerId).toBe(expected);
    }
    expect(picks.some((p) => p.variant === undefined)).toBe(true);
  });

  it("without variants picks voices alone", () => {
    const picks = pickVoices(voices, 4, 1);
    expect(
      picks.every((p) => p.variant === undefined && p.speakerId === `test-tts:${p.voice.id}`),
    ).toBe(true);
  });

  it("rejects a bad count and an empty voice list", () => {
    expect(pickVoices(voices, 0, 1)).toEqual([]);
    expect(() => pickVoices(voices, -1, 1)).toThrow(/count must be a whole number/);
    expect(() => pickVoices(voices, 1.5, 1)).toThrow(RangeError);
    expect(() => pickVoices([], 3, 1)).toThrow(/no voices to pick from/);
  });
});
