// The corpus of non-speech sounds, and what it is for: a base pre-trained on it is the wrong
// base for a spoken phrase, and the transfer-vs-scratch verdict must say so.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initBackend } from "../backends/node-backends.js";
import type { Dataset } from "../dataset/dataset-types.js";
import { loadSpeechCommandsDataset } from "../dataset/load-dataset.js";
import { loadDefaultTrainingBase, trainWakeWord } from "../training/node-training.js";
import { NEGATIVE_TEXTS, TEST_VOICES, spokenClip } from "../training/test-speech.js";
import { pretrainWords } from "./pretrain-words.js";
import { SOUND_CLASSES, soundCorpus, writeSoundCorpus, type SoundClass } from "./sound-corpus.js";

/** Sign changes per second: a rough pitch for tones, a brightness for noise. */
function crossingsPerSecond(samples: Float32Array): number {
  let crossings = 0;
  for (let i = 1; i < samples.length; i += 1) {
    if ((samples[i - 1] as number) < 0 !== (samples[i] as number) < 0) crossings += 1;
  }
  return (crossings * 16_000) / samples.length;
}

const work = await mkdtemp(join(tmpdir(), "wakeforge-sounds-"));
afterAll(() => rm(work, { recursive: true, force: true }));
beforeAll(async () => {
  await initBackend("wasm");
});

describe("soundCorpus", () => {
  it("gives every class its own kind of sound, the same for the same seed", () => {
    const corpus = soundCorpus({ variants: 3, seed: 4 });
    expect(corpus.negatives).toHaveLength(SOUND_CLASSES.length * 3 * 2);
    expect(soundCorpus({ variants: 3, seed: 4 }).negatives.map((c) => c.samples)).toEqual(
      corpus.negatives.map((c) => c.samples),
    );
    expect(soundCorpus({ variants: 3, seed: 5 }).negatives[0]!.samples).not.toEqual(
      corpus.negatives[0]!.samples,
    );
    const brightness = (kind: SoundClass) => {
      const clips = corpus.negatives.filter((c) => c.category === kind);
      return Math.max(...clips.map((c) => crossingsPerSecond(c.samples)));
    };
    for (const clip of corpus.negatives) {
      expect(clip.samples.every(Number.isFinite)).toBe(true);
      const peak = Math.max(...clip.samples.map(Math.abs));
      expect(peak).toBeGreaterThanOrEqual(0.2 - 1e-6);
      expect(peak).toBeLessThanOrEqual(0.8 + 1e-6);
    }
    // The highest low tone is below the lowest high tone; white noise is brighter than brown.
    const lowest = (kind: SoundClass) =>
      Math.min(
        ...corpus.negatives
          .filter((c) => c.category === kind)
          .map((c) => crossingsPerSecond(c.samples)),
      );
    expect(brightness("tone_low")).toBeLessThan(lowest("tone_mid"));
    expect(brightness("tone_mid")).toBeLessThan(lowest("tone_high"));
    expect(brightness("brown_noise")).toBeLessThan(lowest("white_noise"));
  });

  it("is written in the Speech Commands layout, loads as a corpus, and a rerun keeps its files", async () => {
    const dir = join(work, "corpus");
    const classes: SoundClass[] = ["tone_low", "clicks", "pink_noise"];
    const first = await writeSoundCorpus(dir, { variants: 2, classes, seed: 1 });
    expect(first).toEqual({ classes, written: 12, kept: 0 });
    expect((await readdir(dir)).sort()).toEqual([...classes].sort());
    const again = await writeSoundCorpus(dir, { variants: 3, classes, seed: 1 });
    expect(again).toMatchObject({ written: 6, kept: 12 });
    const loaded = await loadSpeechCommandsDataset(dir, { positiveLabels: [] });
    expect(loaded.errors).toEqual([]);
    expect(new Set(loaded.negatives.map((c) => c.category))).toEqual(new Set(classes));
    expect(new Set(loaded.negatives.map((c) => c.speakerId)).size).toBe(3);
    // The files hold what the corpus in memory holds (16-bit rounding aside).
    const inMemory = soundCorpus({ variants: 3, classes, seed: 1 }).negatives;
    for (const clip of loaded.negatives) {
      const twin = inMemory.find((c) => c.id === clip.id)!;
      expect(clip.samples.length).toBe(twin.samples.length);
      const worst = clip.samples.reduce(
        (w, v, i) => Math.max(w, Math.abs(v - twin.samples[i]!)),
        0,
      );
      expect(worst).toBeLessThan(1e-4);
    }
  });

  it("pre-trains a base that knows its sounds, and transfers to a spoken phrase worse than a speech base", async () => {
    const sounds = await pretrainWords({
      corpus: soundCorpus({ variants: 6, seed: 2 }),
      seed: 2,
      epochs: 4,
      copiesPerClip: 2,
    });
    // The base learned its own task: sounds from sets it never trained on.
    expect(sounds.accuracy).toBeGreaterThan(3 * sounds.chance);
    const speech: Dataset = {
      root: "memory",
      layout: "memory",
      positives: TEST_VOICES.flatMap((voice) =>
        [140, 175, 210].map((rate) => spokenClip("positive", voice, "hey nova", { rate })),
      ),
      negatives: TEST_VOICES.flatMap((voice, v) =>
        [0, 1, 2, 3].map((k) =>
          spokenClip("negative", voice, NEGATIVE_TEXTS[(v + k * 5) % NEGATIVE_TEXTS.length]!),
        ),
      ),
      background: [],
      errors: [],
    };
    const options = {
      phrase: "hey nova",
      dataset: speech,
      ensembleSize: 1,
      epochs: 12,
      falseAcceptRate: 0.15,
      seed: 3,
      augmentationsPerPositive: 2,
      testFraction: 0.3,
    };
    const fromSounds = await trainWakeWord({
      ...options,
      base: { model: sounds.base, id: "sound-network-test" },
    });
    const fromSpeech = await trainWakeWord({ ...options, base: await loadDefaultTrainingBase() });
    const mean = (curve: readonly { valLoss: number }[]) =>
      curve.reduce((sum, m) => sum + m.valLoss, 0) / curve.length;
    console.log(
      "held-out loss per epoch, sound base:",
      fromSounds.curves.transfer.map((m) => m.valLoss.toFixed(3)).join(" "),
      "speech base:",
      fromSpeech.curves.transfer.map((m) => m.valLoss.toFixed(3)).join(" "),
    );
    // Features for tones and noise tell a phrase from other speech worse than speech features.
    expect(mean(fromSounds.curves.transfer)).toBeGreaterThan(mean(fromSpeech.curves.transfer));
    expect(fromSounds.curves.transfer.at(-1)!.recallAtFar).toBeLessThan(
      fromSpeech.curves.transfer.at(-1)!.recallAtFar,
    );
  }, 600_000);
});
