import { describe, expect, it } from "vitest";
import type { Sample } from "../store/types";
import { speakerIdOf, trainingClipRefs, trainingShortfall } from "./training-data";

let next = 0;
function sample(fields: Partial<Sample>): Sample {
  next += 1;
  return {
    id: `s${next}`,
    projectId: "p",
    label: "positive",
    source: "synthesized",
    engine: "flite",
    voice: `v${next}`,
    text: "hey nova",
    originalName: null,
    originalFormat: null,
    originalSampleRateHz: null,
    durationSeconds: 1,
    sampleRateHz: 16_000,
    byteSize: 32_044,
    createdAt: "2026-01-01T00:00:00.000Z",
    ...fields,
  };
}

describe("training data", () => {
  it("names the speaker of each kind of sample", () => {
    expect(speakerIdOf(sample({ engine: "espeak-ng", voice: "en-us+f3" }))).toBe(
      "espeak-ng:en-us+f3",
    );
    expect(speakerIdOf(sample({ source: "recorded", engine: null, voice: null }))).toBe(
      "user:recorded",
    );
    expect(speakerIdOf(sample({ id: "u1", source: "uploaded", engine: null }))).toBe("upload:u1");
    expect(speakerIdOf(sample({ id: "b1", label: "background" }))).toBe("background:b1");
  });

  it("hands the worker each sample's label, kind of source and audio URL", () => {
    const refs = trainingClipRefs(
      [sample({ id: "a" }), sample({ id: "b", source: "recorded", label: "negative", text: null })],
      (s) => `/audio/${s.id}`,
    );
    expect(refs).toEqual([
      {
        id: "a",
        label: "positive",
        source: "synthetic",
        speakerId: expect.stringMatching(/^flite:/),
        text: "hey nova",
        url: "/audio/a",
      },
      {
        id: "b",
        label: "negative",
        source: "recorded",
        speakerId: "user:recorded",
        url: "/audio/b",
      },
    ]);
  });

  it("says how many positives, voices and negatives are missing", () => {
    const enough = [
      ...Array.from({ length: 4 }, () => sample({})),
      ...Array.from({ length: 4 }, () => sample({ label: "negative" })),
    ];
    expect(trainingShortfall(enough)).toBeUndefined();
    expect(trainingShortfall([])).toBe(
      "Training needs at least 4 positives (the phrase) from at least 2 voices and 4 negatives " +
        "(other speech); this project has 0 positives from 0 voices and 0 negatives. Add more on " +
        "the Data tab: synthesized speech brings many voices.",
    );
    const oneVoice = enough.map((s) =>
      s.label === "positive" ? { ...s, source: "recorded" as const } : s,
    );
    expect(trainingShortfall(oneVoice)).toMatch(
      /this project has 4 positives from 1 voice and 4 negatives/,
    );
    const background = enough.map((s) =>
      s.label === "negative" ? { ...s, label: "background" as const } : s,
    );
    expect(trainingShortfall(background)).toMatch(/and 0 negatives\./);
  });
});
