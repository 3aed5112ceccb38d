import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as tf from "@tensorflow/tfjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initBackend } from "../backends/node-backends.js";
import type { Dataset, DatasetClip } from "../dataset/dataset-types.js";
import { baseInputForClip } from "../features/base-input.js";
import { Embedder } from "../features/embedder.js";
import { fullyConvolutionalBase } from "../models/fully-convolutional.js";
import { StreamingDetector, scoreClip } from "../detector/streaming-detector.js";
import { loadDetectorDirectory } from "../detector/load-detector-directory.js";
import { saveModelDirectory } from "../io/model-directory.js";
import { headManifest } from "../io/model-manifest.js";
import { trainWakeWord } from "../training/node-training.js";
import { NEGATIVE_TEXTS, TEST_VOICES, speak, spokenClip } from "../training/test-speech.js";
import { NO_WORD_CLASS, pretrainWords, type PretrainWordsResult } from "./pretrain-words.js";
import {
  NESTED_BASE_FOLDER,
  WORD_NETWORK_BASE_ID,
  loadWordNetwork,
  saveWordNetwork,
} from "./word-base-directory.js";
import { WORD_OUTPUT_LAYER } from "./word-network.js";

const WORDS = ["yes", "no", "up", "down", "left", "right"];

/** A Speech Commands-like corpus spoken by espeak-ng: every word by every test voice, twice. */
function spokenCorpus(): Dataset {
  const clips: DatasetClip[] = [];
  for (const voice of TEST_VOICES) {
    for (const word of WORDS) {
      for (const rate of [150, 190]) {
        clips.push({
          id: `${word}/${voice}_nohash_${rate}.wav`,
          file: "",
          kind: "negative",
          source: "synthetic",
          speakerId: `espeak-ng:${voice}`,
          category: word,
          text: word,
          weight: 1,
          samples: speak(voice, word, { rate }),
        });
      }
    }
  }
  return {
    root: "spoken-words",
    layout: "memory",
    positives: [],
    negatives: clips,
    background: [],
    errors: [],
  };
}

const work = mkdtempSync(join(tmpdir(), "wakeforge-pretrain-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
beforeAll(async () => {
  await initBackend("wasm");
});
let pretrained: PretrainWordsResult | undefined;

describe("pretrainWords", () => {
  it("learns words it hears from voices it never trained on, and gives a base that surgery can use", async () => {
    const corpus = spokenCorpus();
    const epochs: number[] = [];
    const result = await pretrainWords({
      corpus,
      seed: 1,
      epochs: 6,
      copiesPerClip: 2,
      onEpoch: (m) => epochs.push(m.valAccuracy),
    });
    pretrained = result;
    console.log(
      "word accuracy on held-out voices per epoch:",
      epochs.map((a) => a.toFixed(2)).join(" "),
      `chance ${result.chance.toFixed(2)}`,
    );
    expect(result.classes).toEqual([...[...WORDS].sort(), NO_WORD_CLASS]);
    const held = new Set(result.split.testSpeakers);
    expect(result.split.trainSpeakers.some((s) => held.has(s))).toBe(false);
    expect(result.curve).toHaveLength(6);
    // Well above always guessing one word, on voices it never heard.
    expect(result.accuracy).toBeGreaterThan(2 * result.chance);
    expect(result.curve.at(-1)!.loss).toBeLessThan(result.curve[0]!.loss);

    // Surgery dropped the word output; what is left ends at the 96-value embedding.
    expect(result.base.layers.some((l) => l.name === WORD_OUTPUT_LAYER)).toBe(false);
    expect(result.base.outputs[0]!.shape).toEqual([null, 96]);
    // Fully convolutional in time: one pass gives the windowed base's embedding every 8 frames.
    const clip = baseInputForClip(speak("en-us", "left right up"));
    const whole = fullyConvolutionalBase(result.base);
    const frames = tf.tensor4d(clip.frames, [1, clip.frameCount, 32, 1]);
    const rows = (whole.predict(frames) as tf.Tensor3D).arraySync()[0]!;
    expect(rows.length).toBe(Math.floor((clip.frameCount - 76) / 8) + 1);
    for (const k of [0, rows.length - 1]) {
      const window = frames.slice([0, 8 * k, 0, 0], [1, 76, 32, 1]);
      const single = (result.base.predict(window) as tf.Tensor2D).arraySync()[0]!;
      single.forEach((v, d) => expect(rows[k]![d]).toBeCloseTo(v, 4));
      window.dispose();
    }
    frames.dispose();
  }, 240_000);

  it("is saved as a base that heads transfer from and carry with them", async () => {
    if (!pretrained) throw new Error("needs the pre-training run above");
    const networkDir = join(work, "word-network");
    await saveWordNetwork(networkDir, pretrained, "spoken-words");
    const word = await loadWordNetwork(networkDir);
    expect(word.identity.id).toBe(WORD_NETWORK_BASE_ID);
    expect(word.classifier.layers.at(-1)!.name).toBe(WORD_OUTPUT_LAYER);

    // Transfer exactly as from the imported base: the head reads the word network's embedding.
    const voices = TEST_VOICES.slice(0, 6);
    const result = await trainWakeWord({
      phrase: "hey nova",
      base: { model: word.base, id: word.cacheId },
      dataset: {
        root: "memory",
        layout: "memory",
        positives: voices.flatMap((v) =>
          [150, 190].map((rate) => spokenClip("positive", v, "hey nova", { rate })),
        ),
        negatives: voices.flatMap((v, i) =>
          [0, 1].map((k) =>
            spokenClip("negative", v, NEGATIVE_TEXTS[(i + k * 5) % NEGATIVE_TEXTS.length]!),
          ),
        ),
        background: [],
        errors: [],
      },
      ensembleSize: 1,
      epochs: 2,
      seed: 2,
      testFraction: 0.34,
    });
    const headDir = join(work, "head");
    await saveModelDirectory(
      headDir,
      result.transferHead,
      headManifest({ phrase: "hey nova", threshold: 0.5, base: word.identity }),
      {},
      { nested: { [NESTED_BASE_FOLDER]: { model: word.classifier, manifest: word.manifest } } },
    );

    // The head's directory alone is enough to listen, with the word network's embeddings.
    const detector = await loadDetectorDirectory(headDir);
    const clip = speak("en-us", "hey nova");
    const audio = new Float32Array(16_000 * 3);
    audio.set(clip, 16_000);
    const streamed = new StreamingDetector(detector.embedder, [detector.head()]).push(audio);
    const batch = scoreClip(detector.embedder, [detector.head()], audio);
    // Streaming gives the batch pass's steps (the last partial chunk aside), same scores.
    const scored = streamed.steps.filter((step) => step.scores["hey nova"] !== undefined);
    expect(scored.length).toBeGreaterThan(5);
    for (const step of scored) {
      const same = batch.steps[step.index]!;
      expect(same.timeSeconds).toBe(step.timeSeconds);
      expect(step.scores["hey nova"]).toBeCloseTo(same.scores["hey nova"]!, 5);
    }
    const wordEmbedder = new Embedder(fullyConvolutionalBase(word.base));
    expect(batch.steps.map((s) => s.scores["hey nova"])).toEqual(
      scoreClip(wordEmbedder, [detector.head()], audio).steps.map((s) => s.scores["hey nova"]),
    );

    // A base copy that is not the one the head was trained on is refused, naming the folder.
    const other = await pretrainWords({
      corpus: spokenCorpus(),
      seed: 9,
      epochs: 1,
      copiesPerClip: 1,
    });
    await saveWordNetwork(join(headDir, NESTED_BASE_FOLDER), other, "other");
    await expect(loadDetectorDirectory(headDir)).rejects.toThrow(
      `${join(headDir, NESTED_BASE_FOLDER)}: holds a word network with weights`,
    );
    writeFileSync(join(headDir, NESTED_BASE_FOLDER, "wakeforge.json"), "{}");
    await expect(loadDetectorDirectory(headDir)).rejects.toThrow(/base.*wakeforge\.json/);
  }, 240_000);
});
