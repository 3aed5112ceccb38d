// A labelled corpus of sounds that are not speech (tones, sweeps, beeps, clicks, noise colours,
// hum, chords), in the word corpus's shape: pre-training on it gives a base whose features fit
// no spoken phrase, the deliberate mismatch that shows negative transfer for real. Every clip
// is drawn from its own SeededRandom, so a seed gives the same corpus.
import { mkdir, readdir } from "node:fs/promises";
import { join } from "node:path";
import { SAMPLE_RATE_HZ, createSeededRandom, encodeWav, type SeededRandom } from "@wakeforge/audio";
import type { Dataset, DatasetClip } from "../dataset/dataset-types.js";
import {
  addAt,
  between,
  brownNoise,
  fadeEdges,
  hum,
  peakNormalize,
  pinkNoise,
  whiteNoise,
} from "../dataset/noise-generators.js";
import { writeFileAtomic } from "../io/atomic-write.js";

export const SOUND_CLASSES = [
  "tone_low",
  "tone_mid",
  "tone_high",
  "sweep_up",
  "sweep_down",
  "beeps",
  "clicks",
  "chord",
  "white_noise",
  "pink_noise",
  "brown_noise",
  "hum",
] as const;
export type SoundClass = (typeof SOUND_CLASSES)[number];

const RATE = SAMPLE_RATE_HZ;

function sine(length: number, frequency: (t: number) => number, phase = 0): Float32Array {
  const out = new Float32Array(length);
  let angle = phase;
  for (let i = 0; i < length; i += 1) {
    angle += (2 * Math.PI * frequency(i / RATE)) / RATE;
    out[i] = Math.sin(angle);
  }
  return out;
}

/** A tone with a few harmonics of random strength, as instruments and alarms have. */
function harmonicTone(random: SeededRandom, length: number, f0: number): Float32Array {
  const out = sine(length, () => f0);
  for (let h = 2; h <= 4; h += 1) {
    if (f0 * h < RATE / 2)
      addAt(
        out,
        sine(length, () => f0 * h),
        0,
        between(random, 0, 0.4) / h,
      );
  }
  return out;
}

/** One clip of a class, `seconds` long, peak between 0.2 and 0.8. */
export function renderSound(kind: SoundClass, random: SeededRandom, seconds: number): Float32Array {
  const n = Math.round(seconds * RATE);
  const sound = ((): Float32Array => {
    switch (kind) {
      case "tone_low":
        return harmonicTone(random, n, between(random, 80, 250));
      case "tone_mid":
        return harmonicTone(random, n, between(random, 300, 900));
      case "tone_high":
        return harmonicTone(random, n, between(random, 1500, 4500));
      case "sweep_up":
      case "sweep_down": {
        const low = between(random, 150, 600);
        const high = low * between(random, 3, 8);
        const [from, to] = kind === "sweep_up" ? [low, high] : [high, low];
        return sine(n, (t) => from * (to / from) ** (t / seconds));
      }
      case "beeps": {
        const tone = harmonicTone(random, n, between(random, 600, 3000));
        const period = Math.round(between(random, 0.08, 0.25) * RATE);
        const on = Math.round(period * between(random, 0.3, 0.7));
        for (let i = 0; i < n; i += 1) if (i % period >= on) tone[i] = 0;
        return tone;
      }
      case "clicks": {
        const out = new Float32Array(n);
        const period = Math.round(between(random, 0.02, 0.15) * RATE);
        const click = Float32Array.from(
          { length: 64 },
          (_, i) => Math.exp(-i / 8) * (random.next() * 2 - 1),
        );
        for (let at = Math.round(random.next() * period); at < n; at += period)
          addAt(out, click, at);
        return out;
      }
      case "chord": {
        const root = between(random, 110, 330);
        const out = new Float32Array(n);
        for (const semitones of [0, random.next() < 0.5 ? 3 : 4, 7]) {
          addAt(out, harmonicTone(random, n, root * 2 ** (semitones / 12)), 0, 1 / 3);
        }
        return out;
      }
      case "white_noise":
        return whiteNoise(random, n);
      case "pink_noise":
        return pinkNoise(random, n);
      case "brown_noise":
        return brownNoise(random, n);
      case "hum":
        return hum(random, n);
    }
  })();
  return fadeEdges(peakNormalize(sound, between(random, 0.2, 0.8)), 0.01);
}

export interface SoundCorpusOptions {
  /** Sets of clips per class; each set is one "speaker", held out whole by splits. */
  readonly variants: number;
  /** Clips of each class in a set. Default 2. */
  readonly clipsPerVariant?: number;
  readonly classes?: readonly SoundClass[];
  readonly seed?: number;
}

function clipsOf(options: SoundCorpusOptions): { kind: SoundClass; variant: number; n: number }[] {
  const out: { kind: SoundClass; variant: number; n: number }[] = [];
  for (const kind of options.classes ?? SOUND_CLASSES) {
    for (let variant = 0; variant < options.variants; variant += 1) {
      for (let n = 0; n < (options.clipsPerVariant ?? 2); n += 1) out.push({ kind, variant, n });
    }
  }
  return out;
}

function clipSamples(kind: SoundClass, variant: number, n: number, seed: number): Float32Array {
  const random = createSeededRandom(`${seed}/sound/${kind}/${variant}/${n}`);
  return renderSound(kind, random, between(random, 0.35, 0.75));
}

const fileName = (variant: number, n: number) => `set${variant}_nohash_${n}.wav`;

/** The corpus in memory, in the shape `loadSpeechCommandsDataset` gives a word corpus. */
export function soundCorpus(options: SoundCorpusOptions): Dataset {
  const seed = options.seed ?? 0;
  const negatives: DatasetClip[] = clipsOf(options).map(({ kind, variant, n }) => ({
    id: `${kind}/${fileName(variant, n)}`,
    file: "",
    kind: "negative",
    source: "synthetic",
    speakerId: `sound:set${variant}`,
    category: kind,
    weight: 1,
    samples: clipSamples(kind, variant, n, seed),
  }));
  return { root: "sounds", layout: "memory", positives: [], negatives, background: [], errors: [] };
}

/**
 * Writes the corpus in the Speech Commands layout (`<class>/set<v>_nohash_<n>.wav`), keeping
 * files already there; each file is written atomically.
 */
export async function writeSoundCorpus(
  outDir: string,
  options: SoundCorpusOptions,
): Promise<{
  readonly classes: readonly SoundClass[];
  readonly written: number;
  readonly kept: number;
}> {
  const seed = options.seed ?? 0;
  let written = 0;
  let kept = 0;
  const existing = new Map<string, Set<string>>();
  for (const { kind, variant, n } of clipsOf(options)) {
    let present = existing.get(kind);
    if (!present) {
      await mkdir(join(outDir, kind), { recursive: true });
      present = new Set(await readdir(join(outDir, kind)));
      existing.set(kind, present);
    }
    const name = fileName(variant, n);
    if (present.has(name)) {
      kept += 1;
      continue;
    }
    await writeFileAtomic(
      join(outDir, kind, name),
      encodeWav(clipSamples(kind, variant, n, seed), RATE),
    );
    written += 1;
  }
  return { classes: options.classes ?? SOUND_CLASSES, written, kept };
}
