import { memoryDataset, splitBySpeaker, type MemoryClip } from "@wakeforge/core/browser";
import { describe, expect, it } from "vitest";
import { seedWithHeldOutPositives } from "./split-seed";

const clip = (speakerId: string): MemoryClip => ({
  samples: new Float32Array(1600).fill(0.1),
  speakerId,
  source: "synthetic",
});

describe("seedWithHeldOutPositives", () => {
  // Six positive voices and six negative-only voices: many seeds hold out negatives only.
  const dataset = memoryDataset({
    positives: ["a", "b", "c", "d", "e", "f"].map((v) => clip(`tts:${v}`)),
    negatives: ["g", "h", "i", "j", "k", "l"].map((v) => clip(`tts:${v}`)),
  });
  const positives = new Set(dataset.positives.map((c) => c.speakerId));
  const heldOutPositives = (seed: number) =>
    splitBySpeaker([...dataset.positives, ...dataset.negatives], {
      testFraction: 0.2,
      seed,
    }).testSpeakers.filter((s) => positives.has(s)).length;

  it("keeps a seed whose draw already holds out a positive voice", () => {
    const good = Array.from({ length: 30 }, (_, i) => i).find((s) => heldOutPositives(s) > 0)!;
    expect(seedWithHeldOutPositives(dataset, good)).toBe(good);
  });

  it("moves on from a seed that would hold out negatives only", () => {
    const bad = Array.from({ length: 30 }, (_, i) => i).find((s) => heldOutPositives(s) === 0);
    expect(bad).toBeDefined();
    const chosen = seedWithHeldOutPositives(dataset, bad!)!;
    expect(chosen).toBeGreaterThan(bad!);
    expect(heldOutPositives(chosen)).toBeGreaterThan(0);
  });

  it("gives up when one voice says every positive", () => {
    const oneVoice = memoryDataset({
      positives: [clip("user:me"), clip("user:me")],
      negatives: [clip("tts:x"), clip("tts:y")],
    });
    expect(seedWithHeldOutPositives(oneVoice, 1)).toBeUndefined();
  });
});
