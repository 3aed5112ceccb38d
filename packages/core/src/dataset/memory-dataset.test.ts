import { SAMPLE_RATE_HZ } from "@wakeforge/audio";
import { describe, expect, it } from "vitest";
import type { Embeddings } from "../features/embedder.js";
import { embeddingCacheKey } from "./embedding-cache.js";
import { MemoryEmbeddingStore, embeddingKey } from "./embedding-store.js";
import { memoryDataset } from "./memory-dataset.js";

function tone(seconds: number, rateHz: number, seed = 1): Float32Array {
  return Float32Array.from({ length: Math.round(seconds * rateHz) }, (_, i) =>
    Math.sin((2 * Math.PI * 440 * seed * i) / rateHz),
  );
}

describe("MemoryEmbeddingStore", () => {
  it("keys clips exactly as the disk cache does (WebCrypto and node:crypto agree)", async () => {
    const samples = tone(0.5, SAMPLE_RATE_HZ).subarray(100, 5000);
    const parts = { base: "speech-embedding@abc", augmentation: '{"gain":3}' };
    expect(await embeddingKey(samples, parts)).toBe(embeddingCacheKey(samples, parts));
    expect(await embeddingKey(samples, { base: "other" })).toBe(
      embeddingCacheKey(samples, { base: "other" }),
    );
  });

  it("computes only the misses, once per call, and serves hits afterwards", async () => {
    const store = new MemoryEmbeddingStore();
    const a = tone(0.1, SAMPLE_RATE_HZ, 1);
    const b = tone(0.1, SAMPLE_RATE_HZ, 2);
    const computedFor: number[] = [];
    const compute = (missing: readonly Float32Array[]): Embeddings[] => {
      computedFor.push(missing.length);
      return missing.map((s) => ({ values: s.subarray(0, 4).slice(), count: 1, dims: 4 }));
    };
    const first = await store.getOrComputeMany([a], { base: "x" }, compute);
    const both = await store.getOrComputeMany([a, b], { base: "x" }, compute);
    expect(computedFor).toEqual([1, 1]);
    expect(both[0]).toBe(first[0]);
    expect(Array.from(both[1]!.values)).toEqual(Array.from(b.subarray(0, 4)));
    expect(store.stats).toEqual({ hits: 1, misses: 2, computed: 2, writes: 2 });
    // Another base is another key.
    await store.getOrComputeMany([a], { base: "y" }, compute);
    expect(store.size).toBe(3);
    await expect(store.getOrComputeMany([b], { base: "z" }, () => [])).rejects.toThrow(
      "compute returned 0 embeddings for 1 clips",
    );
  });
});

describe("memoryDataset", () => {
  it("resamples to 16 kHz, names clips and weights recordings like a data set from disk", () => {
    const dataset = memoryDataset(
      {
        positives: [
          {
            samples: tone(1, 48_000),
            sampleRateHz: 48_000,
            speakerId: "user:ana",
            source: "recorded",
          },
          ...[1, 2, 3].map((k) => ({
            samples: tone(1, SAMPLE_RATE_HZ, k),
            speakerId: `espeak-ng:v${k}`,
            source: "synthetic" as const,
            text: "hey nova",
          })),
        ],
        background: [
          { samples: tone(2, SAMPLE_RATE_HZ), speakerId: "noise:fan", source: "recorded" },
        ],
      },
      { name: "browser project" },
    );
    expect(dataset).toMatchObject({ root: "browser project", layout: "memory", negatives: [] });
    const [recorded, synthetic] = dataset.positives;
    expect(recorded).toMatchObject({
      id: "positive/0",
      kind: "positive",
      file: "",
      speakerId: "user:ana",
    });
    expect(recorded!.samples.length).toBeCloseTo(SAMPLE_RATE_HZ, -1);
    // One recording against three synthetic clips carries a quarter of the weight: 1 = 0.25/0.75·3.
    expect(recorded!.weight).toBeCloseTo(1);
    expect(synthetic).toMatchObject({
      id: "positive/1",
      source: "synthetic",
      text: "hey nova",
      weight: 1,
    });
    expect(dataset.background[0]).toMatchObject({ id: "background/0", kind: "background" });
  });

  it("refuses duplicate ids, empty clips and impossible sample rates, naming the clip", () => {
    const clip = {
      samples: tone(0.1, SAMPLE_RATE_HZ),
      speakerId: "s",
      source: "recorded" as const,
    };
    expect(() =>
      memoryDataset({
        positives: [
          { ...clip, id: "a" },
          { ...clip, id: "a" },
        ],
      }),
    ).toThrow('two clips have the id "a"');
    expect(() =>
      memoryDataset({ positives: [clip], negatives: [{ ...clip, samples: new Float32Array(0) }] }),
    ).toThrow('clip "negative/0" has no samples');
    expect(() => memoryDataset({ positives: [{ ...clip, sampleRateHz: 0 }] })).toThrow(
      'clip "positive/0": sampleRateHz must be positive, got 0',
    );
  });
});
