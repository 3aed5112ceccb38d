import { memoryDataset, splitWakeWordSpeakers, type MemoryClip } from "@wakeforge/core/browser";
import { describe, expect, it } from "vitest";
import { heldOutVoicesProblem } from "./held-out-voices";

const clip = (speakerId: string): MemoryClip => ({
  samples: new Float32Array(1600).fill(0.1),
  speakerId,
  source: "synthetic",
});

describe("heldOutVoicesProblem", () => {
  it("passes two voices saying the phrase among many that do not, and core then holds one out", () => {
    const dataset = memoryDataset({
      positives: [clip("user:me"), clip("user:me"), clip("user:you")],
      negatives: Array.from({ length: 12 }, (_, i) => clip(`tts:${i}`)),
    });
    expect(heldOutVoicesProblem(dataset)).toBeUndefined();
    for (let seed = 0; seed < 20; seed += 1) {
      const { testSpeakers } = splitWakeWordSpeakers(dataset.positives, dataset.negatives, {
        testFraction: 0.2,
        seed,
      });
      expect(testSpeakers.filter((s) => s.startsWith("user:"))).toHaveLength(1);
    }
  });

  it("names the problem when one voice says every positive", () => {
    const oneVoice = memoryDataset({
      positives: [clip("user:me"), clip("user:me")],
      negatives: [clip("tts:x"), clip("tts:y")],
    });
    expect(heldOutVoicesProblem(oneVoice)).toMatch(/at least two voices .*\(it has 1\)/);
  });
});
