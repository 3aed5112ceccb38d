import { describe, expect, it } from "vitest";
import type { Sample } from "../store/types";
import { heldOutSamples } from "./held-out-samples";

let next = 0;
function sample(fields: Partial<Sample> & Pick<Sample, "label" | "source">): Sample {
  next += 1;
  return {
    id: `s${next}`,
    projectId: "p",
    engine: fields.source === "synthesized" ? "espeak-ng" : null,
    voice: null,
    text: null,
    originalName: null,
    originalFormat: null,
    originalSampleRateHz: null,
    durationSeconds: 1,
    sampleRateHz: 16_000,
    byteSize: 32_044,
    createdAt: "2026-12-01T10:00:00.000Z",
    ...fields,
  };
}

describe("heldOutSamples", () => {
  const trainedAt = "2026-12-01T12:00:00.000Z";
  const trainedVoice = sample({ label: "positive", source: "synthesized", voice: "en+m1" });
  const heldVoice = sample({ label: "positive", source: "synthesized", voice: "en+f2" });
  const heldNegative = sample({ label: "negative", source: "synthesized", voice: "en+f2" });
  const trainedNegative = sample({ label: "negative", source: "synthesized", voice: "en+m1" });
  const laterUpload = sample({
    label: "positive",
    source: "uploaded",
    createdAt: "2026-12-02T09:00:00.000Z",
  });
  const oldBackground = sample({ label: "background", source: "uploaded" });
  const newBackground = sample({
    label: "background",
    source: "uploaded",
    createdAt: "2026-12-01T12:00:01.000Z",
  });
  const trained = new Set(["espeak-ng:en+m1", `upload:${oldBackground.id}`]);
  const held = heldOutSamples(
    [
      trainedVoice,
      heldVoice,
      heldNegative,
      trainedNegative,
      laterUpload,
      oldBackground,
      newBackground,
    ],
    trained,
    trainedAt,
  );

  it("keeps speech by voices the model never trained on, including uploads since", () => {
    expect(held.positives.map((s) => s.id)).toEqual([heldVoice.id, laterUpload.id]);
    expect(held.negatives.map((s) => s.id)).toEqual([heldNegative.id]);
    expect(held.voices).toBe(2);
  });

  it("keeps only background added after training, which training never mixed in", () => {
    expect(held.background.map((s) => s.id)).toEqual([newBackground.id]);
  });

  it("counts what it left out, and why", () => {
    expect(held.leftOut).toEqual({ trainedVoices: 2, backgroundHeard: 1 });
  });
});
