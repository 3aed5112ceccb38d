import { describe, expect, it } from "vitest";
import {
  CHUNK_SIZE_SAMPLES,
  EMBEDDING_HOP_FRAMES,
  EMBEDDING_WINDOW_FRAMES,
  FFT_SIZE_SAMPLES,
  HEAD_WINDOW_EMBEDDINGS,
  HOP_SIZE_SAMPLES,
  MEL_CONTEXT_SAMPLES,
  SAMPLE_RATE_HZ,
} from "./constants.js";

// The framing constants are tied together; these relations are what the streaming code relies on.
describe("framing constants", () => {
  it("a hop is 10 ms and a chunk is 80 ms at the pipeline's sample rate", () => {
    expect((HOP_SIZE_SAMPLES / SAMPLE_RATE_HZ) * 1000).toBe(10);
    expect((CHUNK_SIZE_SAMPLES / SAMPLE_RATE_HZ) * 1000).toBe(80);
  });

  it("one chunk advances the embedding by exactly one embedding hop", () => {
    expect(CHUNK_SIZE_SAMPLES).toBe(EMBEDDING_HOP_FRAMES * HOP_SIZE_SAMPLES);
  });

  it("a chunk plus its mel context yields exactly one embedding hop of whole STFT frames", () => {
    const framesFromContext =
      Math.floor((CHUNK_SIZE_SAMPLES + MEL_CONTEXT_SAMPLES - FFT_SIZE_SAMPLES) / HOP_SIZE_SAMPLES) +
      1;
    expect(framesFromContext).toBe(EMBEDDING_HOP_FRAMES);
  });

  it("a head window steps over 1.28 s of audio and sees 1.96 s including its first window", () => {
    const frameSeconds = HOP_SIZE_SAMPLES / SAMPLE_RATE_HZ;
    expect(HEAD_WINDOW_EMBEDDINGS * EMBEDDING_HOP_FRAMES * frameSeconds).toBeCloseTo(1.28, 12);
    const receptiveFrames =
      (HEAD_WINDOW_EMBEDDINGS - 1) * EMBEDDING_HOP_FRAMES + EMBEDDING_WINDOW_FRAMES;
    expect(receptiveFrames * frameSeconds).toBeCloseTo(1.96, 12);
  });
});
