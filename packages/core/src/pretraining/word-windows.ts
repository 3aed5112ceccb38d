// Word clips as the word network sees them: each placed in one base-input window (76 log-mel
// frames, 0.8 s of audio), augmented, and pieces of background audio as the "no word" class.
import {
  MEL_BAND_COUNT,
  createAugmenter,
  createSeededRandom,
  type AugmentationConfig,
} from "@wakeforge/audio";
import { baseInputForClip } from "../features/base-input.js";
import { SPEECH_EMBEDDING } from "../models/zoo.js";
import { placePositive, windowSamples } from "../training/examples.js";

/** Log-mel frames of one window, and the audio samples that fill it. */
export const WORD_WINDOW_FRAMES = SPEECH_EMBEDDING.inputShape[1] as number;
export const WORD_WINDOW_SAMPLES = windowSamples(1);

/** Frames of one window, row-major [76 × 32], and its class. */
export interface WordWindow {
  readonly frames: Float32Array;
  readonly label: number;
}

/** The window's base input: the first 76 frames of the placed audio's log-mel. */
export function wordWindowFrames(samples: Float32Array): Float32Array {
  const logMel = baseInputForClip(samples);
  const frames = new Float32Array(WORD_WINDOW_FRAMES * MEL_BAND_COUNT);
  frames.set(logMel.frames.subarray(0, Math.min(frames.length, logMel.frames.length)));
  return frames;
}

export interface WordWindowOptions {
  /** Augmented copies per clip (the clean placement counts as the first). */
  readonly copies: number;
  readonly augmentation: AugmentationConfig;
  /** Mixed in by the augmentation's background stage. */
  readonly backgroundClips: readonly Float32Array[];
  readonly seed: number | string;
}

/**
 * `copies` windows of one spoken word: the word's end placed in the last 0.3 s of the window
 * at a seeded offset (a word is heard whole, wherever the window falls on it), then augmented.
 */
export function wordWindows(
  samples: Float32Array,
  label: number,
  options: WordWindowOptions,
): WordWindow[] {
  const random = createSeededRandom(`${options.seed}/place`);
  // Placement already moves the word; the augmenter's own shift could push it out of the window.
  const { shift: _shift, ...augmentation } = options.augmentation;
  const augmenter = createAugmenter(
    { ...augmentation, outputLength: WORD_WINDOW_SAMPLES },
    `${options.seed}/augment`,
  );
  const out: WordWindow[] = [];
  for (let copy = 0; copy < options.copies; copy += 1) {
    const placed = placePositive(samples, WORD_WINDOW_SAMPLES, random).samples;
    const audio = copy === 0 ? placed : augmenter.augment(placed, options.backgroundClips);
    out.push({ frames: wordWindowFrames(audio), label });
  }
  return out;
}

/** `count` windows cut at seeded offsets from background clips: the "no word" class. */
export function backgroundWindows(
  clips: readonly Float32Array[],
  count: number,
  label: number,
  seed: number | string,
): WordWindow[] {
  const usable = clips.filter((clip) => clip.length >= WORD_WINDOW_SAMPLES);
  if (usable.length === 0) return [];
  const random = createSeededRandom(`${seed}/background`);
  const out: WordWindow[] = [];
  for (let i = 0; i < count; i += 1) {
    const clip = usable[i % usable.length] as Float32Array;
    const start = random.nextInt(clip.length - WORD_WINDOW_SAMPLES + 1);
    const gain = 10 ** ((random.next() * 30 - 24) / 20);
    const piece = clip.slice(start, start + WORD_WINDOW_SAMPLES).map((v) => v * gain);
    out.push({ frames: wordWindowFrames(piece), label });
  }
  return out;
}
