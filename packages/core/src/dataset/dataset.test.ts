import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSeededRandom, encodeWav } from "@wakeforge/audio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DatasetError, DatasetFileError, type DatasetClip } from "./dataset-types.js";
import { EmbeddingCache, embeddingCacheKey } from "./embedding-cache.js";
import { generateNoise, generatedBackgroundClips } from "./generated-noise.js";
import {
  loadFolderDataset,
  loadSpeechCommandsDataset,
  speechCommandsSpeaker,
} from "./load-dataset.js";
import { OTHER_WAKE_WORD, splitBySpeaker, splitWakeWordSpeakers } from "./split.js";
import { assignTrainingWeights, mergeDatasets, recordedWeightShare } from "./weights.js";

let root: string;

const tone = (seconds: number, rate: number, freq = 440) =>
  Float32Array.from(
    { length: Math.round(seconds * rate) },
    (_, i) => 0.3 * Math.sin((2 * Math.PI * freq * i) / rate),
  );

async function writeWav(path: string, samples: Float32Array, rate = 16_000) {
  await mkdir(join(path, ".."), { recursive: true });
  await writeFile(path, encodeWav(samples, rate));
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "wakeforge-dataset-"));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("loadFolderDataset", () => {
  it("reads folders and the manifest, resamples to 16 kHz, weights recordings and names unreadable files", async () => {
    const dir = join(root, "folders");
    const manifest = [];
    for (let i = 0; i < 12; i += 1) {
      const file = `positives/synth-${i}.wav`;
      await writeWav(join(dir, file), tone(0.5, 22_050), 22_050);
      manifest.push({
        file,
        kind: "positive",
        source: "synthetic",
        engine: "espeak-ng",
        voiceId: `v${i % 4}`,
        speakerId: `espeak-ng:v${i % 4}`,
        text: "hey nova",
        category: "phrase",
      });
    }
    await writeWav(join(dir, "positives/ana/take-1.wav"), tone(0.5, 48_000), 48_000);
    await writeWav(join(dir, "negatives/other.wav"), tone(0.5, 16_000, 220));
    await writeWav(join(dir, "background/room.wav"), tone(2, 16_000, 100));
    await writeFile(join(dir, "negatives/broken.wav"), new Uint8Array([1, 2, 3, 4, 5, 6]));
    await writeFile(join(dir, "negatives/notes.txt"), "not audio, ignored");
    manifest.push({ file: "positives/missing.wav", kind: "positive", source: "synthetic" });
    await writeFile(join(dir, "manifest.json"), JSON.stringify({ entries: manifest }));

    const dataset = await loadFolderDataset(dir);
    expect(dataset.positives).toHaveLength(13);
    expect(dataset.negatives).toHaveLength(1);
    expect(dataset.background).toHaveLength(1);
    expect(dataset.positives.map((c) => c.samples.length)).toEqual(Array(13).fill(8000));
    const ana = dataset.positives.find((c) => c.source === "recorded");
    expect(ana).toMatchObject({ speakerId: "user:ana", id: "positives/ana/take-1.wav" });
    expect(dataset.positives.find((c) => c.id === "positives/synth-5.wav")).toMatchObject({
      speakerId: "espeak-ng:v1",
      text: "hey nova",
      source: "synthetic",
    });
    // One recording among 12 synthetic clips still carries a quarter of the positive weight.
    expect(recordedWeightShare(dataset.positives)).toBeGreaterThanOrEqual(0.25 - 1e-9);
    expect(dataset.errors.map((e) => e.file).sort()).toEqual([
      join(dir, "negatives/broken.wav"),
      join(dir, "positives/missing.wav"),
    ]);
    for (const error of dataset.errors) {
      expect(error).toBeInstanceOf(DatasetFileError);
      expect(error.message).toContain(error.file);
      expect(error.code).toBe("DATASET_FILE_UNREADABLE");
    }
  });

  it("refuses a folder without the data set folders, and a bad manifest, by name", async () => {
    const empty = join(root, "empty");
    await mkdir(empty, { recursive: true });
    await expect(loadFolderDataset(empty)).rejects.toThrow(DatasetError);
    const bad = join(root, "bad-manifest");
    await mkdir(join(bad, "positives"), { recursive: true });
    await writeFile(join(bad, "manifest.json"), "{ nope");
    await expect(loadFolderDataset(bad)).rejects.toThrow(/manifest\.json: not valid JSON/);
  });
});

describe("loadSpeechCommandsDataset", () => {
  it("takes speakers from the file-name prefix and _background_noise_ as background", async () => {
    const dir = join(root, "speech-commands");
    await writeWav(join(dir, "marvin/0a7c2a8d_nohash_0.wav"), tone(1, 16_000));
    await writeWav(join(dir, "marvin/0a7c2a8d_nohash_1.wav"), tone(1, 16_000));
    await writeWav(join(dir, "marvin/b1114e4f_nohash_0.wav"), tone(1, 16_000));
    await writeWav(join(dir, "yes/c22ebf46_nohash_0.wav"), tone(1, 16_000, 300));
    await writeWav(join(dir, "_background_noise_/white.wav"), tone(3, 16_000, 1000));
    const dataset = await loadSpeechCommandsDataset(dir, { positiveLabels: ["marvin"] });
    expect(dataset.positives.map((c) => c.speakerId)).toEqual([
      "sc:0a7c2a8d",
      "sc:0a7c2a8d",
      "sc:b1114e4f",
    ]);
    expect(dataset.negatives.map((c) => c.category)).toEqual(["yes"]);
    expect(dataset.background).toHaveLength(1);
    expect(speechCommandsSpeaker("x/ffd2ba2f_nohash_4.wav")).toBe("sc:ffd2ba2f");
    await expect(loadSpeechCommandsDataset(dir, { positiveLabels: ["nova"] })).rejects.toThrow(
      /no folder for label\(s\) nova/,
    );
  });
});

describe("splitBySpeaker", () => {
  it("never puts a speaker on both sides, is deterministic and roughly honours the fraction", () => {
    for (let trial = 0; trial < 20; trial += 1) {
      const random = createSeededRandom(trial);
      const items = Array.from({ length: 50 + random.nextInt(200) }, (_, i) => ({
        i,
        speakerId: `s${random.nextInt(3 + random.nextInt(40))}`,
      }));
      const split = splitBySpeaker(items, { testFraction: 0.2, seed: trial });
      const train = new Set(split.train.map((x) => x.speakerId));
      expect(split.test.some((x) => train.has(x.speakerId))).toBe(false);
      expect(split.train.length + split.test.length).toBe(items.length);
      if (new Set(items.map((x) => x.speakerId)).size >= 2) {
        expect(split.test.length).toBeGreaterThan(0);
        expect(split.train.length).toBeGreaterThan(0);
      }
      expect(splitBySpeaker(items, { testFraction: 0.2, seed: trial })).toEqual(split);
      if (train.size >= 10) expect(split.test.length / items.length).toBeLessThan(0.45);
    }
    const single = splitBySpeaker([{ speakerId: "a" }, { speakerId: "a" }]);
    expect(single.test).toHaveLength(0);
  });
});

describe("splitWakeWordSpeakers", () => {
  it("keeps a voice saying the phrase on each side, even when most voices never say it", () => {
    // Two people recorded the phrase; forty synthetic voices speak only other things.
    const positives = ["user:ana", "user:bo"].flatMap((speakerId) =>
      Array.from({ length: 5 }, (_, i) => ({ speakerId, i })),
    );
    const negatives = [
      ...positives.map((p) => ({ ...p, i: p.i + 100 })),
      ...Array.from({ length: 40 }, (_, v) =>
        Array.from({ length: 3 }, (_, i) => ({ speakerId: `espeak-ng:v${v}`, i })),
      ).flat(),
    ];
    let jointFailed = 0;
    for (let seed = 0; seed < 30; seed += 1) {
      const split = splitWakeWordSpeakers(positives, negatives, { testFraction: 0.2, seed });
      const saying = (side: string[]) => side.filter((s) => s.startsWith("user:")).length;
      expect(saying(split.testSpeakers)).toBe(1);
      expect(saying(split.trainSpeakers)).toBe(1);
      const train = new Set(split.trainSpeakers);
      expect(split.testSpeakers.some((s) => train.has(s))).toBe(false);
      expect(split.test.every((c) => !train.has(c.speakerId))).toBe(true);
      expect(split.train.length + split.test.length).toBe(positives.length + negatives.length);
      expect(split.testSpeakers.length).toBeGreaterThan(1); // other voices are held out too
      const joint = splitBySpeaker([...positives, ...negatives], { testFraction: 0.2, seed });
      if (saying(joint.testSpeakers) === 1) expect(split).toEqual(joint);
      else jointFailed += 1;
    }
    // One split of all voices together often holds out neither person (or both).
    expect(jointFailed).toBeGreaterThan(5);
  });

  it("gives one split of everything when every voice says the phrase", () => {
    const positives = Array.from({ length: 30 }, (_, i) => ({ speakerId: `v${i % 10}`, i }));
    const negatives = positives.map((p) => ({ ...p, i: p.i + 100 }));
    expect(splitWakeWordSpeakers(positives, negatives, { seed: 4 })).toEqual(
      splitBySpeaker([...positives, ...negatives], { seed: 4 }),
    );
  });
  it("holds out the same voices when other wake words are trained alongside", () => {
    const voices = Array.from({ length: 50 }, (_, v) => `espeak-ng:v${v}`);
    const clips = (speakers: string[], text: string, category?: string) =>
      speakers.flatMap((speakerId) =>
        [0, 1].map((i) => ({ speakerId, text: `${text} ${i}`, ...(category ? { category } : {}) })),
      );
    const positives = clips(voices, "hey nova");
    const negatives = clips(voices, "general speech");
    // Other words' positives, from the same voices and from voices this word never heard.
    const others = clips(
      [...voices.slice(0, 30), "flite:slt", "flite:rms"],
      "hi lumen",
      OTHER_WAKE_WORD,
    );
    for (let seed = 0; seed < 10; seed += 1) {
      const alone = splitWakeWordSpeakers(positives, negatives, { seed });
      const together = splitWakeWordSpeakers(positives, [...negatives, ...others], { seed });
      const ownVoices = (speakers: string[]) => speakers.filter((s) => voices.includes(s));
      expect(ownVoices(together.testSpeakers)).toEqual(alone.testSpeakers);
      expect(together.test.filter((c) => c.text.startsWith("hey nova"))).toEqual(
        alone.test.filter((c) => c.text.startsWith("hey nova")),
      );
      // Every clip of a voice is on that voice's side, the other words' clips included.
      const test = new Set(together.testSpeakers);
      expect(together.test.every((c) => test.has(c.speakerId))).toBe(true);
      expect(together.train.some((c) => test.has(c.speakerId))).toBe(false);
      expect(together.train.length + together.test.length).toBe(
        positives.length + negatives.length + others.length,
      );
      expect([...together.trainSpeakers, ...together.testSpeakers].sort()).toEqual(
        [...voices, "flite:slt", "flite:rms"].sort(),
      );
    }
  });
});

describe("assignTrainingWeights", () => {
  const clip = (source: "synthetic" | "recorded"): DatasetClip => ({
    id: "x",
    file: "",
    kind: "positive",
    source,
    speakerId: source === "recorded" ? "user:me" : "tts:a",
    weight: 1,
    samples: new Float32Array(1),
  });
  it("gives recordings at least 25% of the positive weight however few they are", () => {
    for (const [synthetic, recorded] of [
      [300, 1],
      [300, 5],
      [300, 10],
      [10, 30],
    ] as const) {
      const clips = [
        ...Array.from({ length: synthetic }, () => clip("synthetic")),
        ...Array.from({ length: recorded }, () => clip("recorded")),
      ];
      const weighted = assignTrainingWeights(clips, { maxWeight: Infinity });
      expect(recordedWeightShare(weighted)).toBeGreaterThanOrEqual(0.25 - 1e-9);
      expect(weighted.filter((c) => c.source === "synthetic").every((c) => c.weight === 1)).toBe(
        true,
      );
    }
    expect(assignTrainingWeights([clip("synthetic")])[0]?.weight).toBe(1);
  });
});

describe("EmbeddingCache", () => {
  it("keys on samples, base, augmentation and feature version; hits skip the computation", async () => {
    const a = tone(0.1, 16_000);
    const b = tone(0.1, 16_000, 300);
    const key = embeddingCacheKey(a, { base: "base@1" });
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(embeddingCacheKey(a, { base: "base@2" })).not.toBe(key);
    expect(embeddingCacheKey(a, { base: "base@1", augmentation: "gain" })).not.toBe(key);
    expect(embeddingCacheKey(a, { base: "base@1", featureVersion: "v2" })).not.toBe(key);
    expect(embeddingCacheKey(a.slice(), { base: "base@1" })).toBe(key);

    const cache = new EmbeddingCache(join(root, "cache"));
    let calls = 0;
    const compute = (missing: readonly Float32Array[]) => {
      calls += 1;
      return missing.map((m) => ({ values: m.subarray(0, 6).slice(), count: 2, dims: 3 }));
    };
    const first = await cache.getOrComputeMany([a, b], { base: "base@1" }, compute);
    expect(calls).toBe(1);
    const again = new EmbeddingCache(join(root, "cache"));
    const second = await again.getOrComputeMany([a, b], { base: "base@1" }, compute);
    expect(calls).toBe(1);
    expect(again.stats).toMatchObject({ hits: 2, misses: 0, computed: 0 });
    expect(second.map((e) => Array.from(e.values))).toEqual(first.map((e) => Array.from(e.values)));
    // A damaged entry is a miss and is rewritten.
    await writeFile(again.pathOf(key), new Uint8Array([1, 2, 3]));
    await again.getOrComputeMany([a], { base: "base@1" }, compute);
    expect(calls).toBe(2);
  });
});

describe("generated background", () => {
  it("makes every kind, deterministic for a seed, at a sane level", () => {
    const speech = [tone(0.5, 16_000, 200)];
    const clips = generatedBackgroundClips({ seconds: 1, seed: 5, speech });
    expect(clips.map((c) => c.speakerId)).toEqual([
      "noise:white",
      "noise:pink",
      "noise:brown",
      "noise:hum",
      "noise:music",
      "noise:babble",
    ]);
    for (const clip of clips) {
      expect(clip.samples).toHaveLength(16_000);
      const peak = clip.samples.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
      expect(peak).toBeCloseTo(0.5, 5);
    }
    expect(generateNoise("pink", { seconds: 0.1, seed: 1 })).toEqual(
      generateNoise("pink", { seconds: 0.1, seed: 1 }),
    );
    expect(() => generateNoise("babble", { seconds: 1 })).toThrow(/speech/);
  });
});

describe("mergeDatasets", () => {
  it("joins synthetic clips and recordings and weights the recordings over the union", () => {
    const clip = (id: string, source: "synthetic" | "recorded"): DatasetClip => ({
      id,
      file: "",
      kind: "positive",
      source,
      speakerId: source === "recorded" ? "user:me" : `tts:${id}`,
      weight: 1,
      samples: new Float32Array(1),
    });
    const synthetic = {
      root: "a",
      layout: "folders" as const,
      positives: Array.from({ length: 30 }, (_, i) => clip(`p${i}`, "synthetic")),
      negatives: [],
      background: [],
      errors: [],
    };
    const mine = {
      ...synthetic,
      root: "b",
      positives: [clip("p0", "recorded"), clip("r1", "recorded")],
    };
    const merged = mergeDatasets([synthetic, mine]);
    expect(merged.positives).toHaveLength(32);
    expect(new Set(merged.positives.map((c) => c.id)).size).toBe(32);
    expect(recordedWeightShare(merged.positives)).toBeCloseTo(0.25);
  });
});
