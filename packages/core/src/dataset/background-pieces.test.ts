import { describe, expect, it } from "vitest";
import { createSeededRandom } from "@wakeforge/audio";
import { cutIntoBackgroundPieces } from "./background-pieces.js";
import type { DatasetClip } from "./dataset-types.js";
import { splitBySpeaker } from "./split.js";
import { pinkNoise } from "./noise-generators.js";

function clip(id: string, seconds: number): DatasetClip {
  return {
    id,
    file: "",
    kind: "negative",
    source: "synthetic",
    speakerId: `generated:${id}`,
    category: "speech",
    weight: 1,
    samples: pinkNoise(createSeededRandom(id), Math.round(seconds * 16_000)),
  };
}

describe("cutIntoBackgroundPieces", () => {
  it("cuts long audio into background pieces that cover it exactly, each its own speaker", () => {
    const long = clip("speech", 610);
    const pieces = cutIntoBackgroundPieces([long, clip("short", 20)], 60);
    const ofLong = pieces.filter((p) => p.id.startsWith("speech#"));
    // 610 s → ten pieces; the 10 s left over join the last one.
    expect(ofLong.map((p) => p.samples.length / 16_000)).toEqual([
      60, 60, 60, 60, 60, 60, 60, 60, 60, 70,
    ]);
    let at = 0;
    let mismatches = 0;
    for (const p of ofLong) {
      for (let i = 0; i < p.samples.length; i += 1)
        if (p.samples[i] !== long.samples[at + i]) mismatches += 1;
      at += p.samples.length;
    }
    expect(at).toBe(long.samples.length);
    expect(mismatches).toBe(0);
    expect(new Set(pieces.map((p) => p.speakerId)).size).toBe(pieces.length);
    expect(pieces.every((p) => p.kind === "background")).toBe(true);
    expect(pieces.find((p) => p.id === "short")?.samples.length).toBe(20 * 16_000);
  });

  it("lets a speaker-disjoint split hold out some pieces of one long file", () => {
    const pieces = cutIntoBackgroundPieces([clip("speech", 1200)], 60);
    const split = splitBySpeaker(pieces, { testFraction: 0.2, seed: 1 });
    expect(split.testSpeakers.length).toBeGreaterThan(0);
    expect(split.trainSpeakers.length).toBeGreaterThan(split.testSpeakers.length);
  });

  it("refuses a piece length that is not positive", () => {
    expect(() => cutIntoBackgroundPieces([clip("x", 1)], 0)).toThrow(/pieceSeconds/);
  });
});
