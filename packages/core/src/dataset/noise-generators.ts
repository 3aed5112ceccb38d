// Synthetic sound shared by the training background clips (generated-noise.ts) and the long
// negative audio files (evaluation/negative-audio.ts): coloured noise, mains hum, fan, music
// from chords, melodies and drums, and babble of overlapped speech. 16 kHz; every generator
// draws only from the SeededRandom it is given, so a seed gives the same samples.
import {
  SAMPLE_RATE_HZ,
  butterworth,
  designBiquad,
  filterCascade,
  type Biquad,
  type SeededRandom,
} from "@wakeforge/audio";

const RATE = SAMPLE_RATE_HZ;

export function pick<T>(random: SeededRandom, items: readonly T[]): T {
  return items[random.nextInt(items.length)] as T;
}

export function between(random: SeededRandom, low: number, high: number): number {
  return low + (high - low) * random.next();
}

// ---------------------------------------------------------------------------------------------
// Levels and mixing (all in place).

/** Scales so that the largest magnitude is `peak` (silence stays silence). */
export function peakNormalize(samples: Float32Array, peak: number): Float32Array {
  let max = 0;
  for (const v of samples) max = Math.max(max, Math.abs(v));
  if (max > 0)
    for (let i = 0; i < samples.length; i += 1) samples[i] = ((samples[i] ?? 0) * peak) / max;
  return samples;
}

/** Scales to root-mean-square level `rms` (silence stays silence). */
export function rmsNormalize(samples: Float32Array, rms: number): Float32Array {
  let sum = 0;
  for (const v of samples) sum += v * v;
  const current = Math.sqrt(sum / Math.max(1, samples.length));
  if (current > 0)
    for (let i = 0; i < samples.length; i += 1) samples[i] = ((samples[i] ?? 0) * rms) / current;
  return samples;
}

/** Linear fade in and out over `seconds` (at most half the length each). */
export function fadeEdges(samples: Float32Array, seconds = 0.02): Float32Array {
  const n = Math.min(Math.floor(samples.length / 2), Math.round(seconds * RATE));
  for (let i = 0; i < n; i += 1) {
    const g = i / n;
    samples[i] = (samples[i] ?? 0) * g;
    samples[samples.length - 1 - i] = (samples[samples.length - 1 - i] ?? 0) * g;
  }
  return samples;
}

/** Adds `source` × `gain` into `target` from index `at` (which may be negative), clipped to it. */
export function addAt(target: Float32Array, source: Float32Array, at: number, gain = 1): void {
  const end = Math.min(target.length, at + source.length);
  for (let i = Math.max(0, at); i < end; i += 1)
    target[i] = (target[i] ?? 0) + (source[i - at] ?? 0) * gain;
}

// ---------------------------------------------------------------------------------------------
// Noise.

export function whiteNoise(random: SeededRandom, length: number): Float32Array {
  const out = new Float32Array(length);
  for (let i = 0; i < length; i += 1) out[i] = random.next() * 2 - 1;
  return out;
}

/** Pink noise (Paul Kellet's economy filter): equal energy per octave. */
export function pinkNoise(random: SeededRandom, length: number): Float32Array {
  const out = new Float32Array(length);
  let b0 = 0;
  let b1 = 0;
  let b2 = 0;
  for (let i = 0; i < length; i += 1) {
    const w = random.next() * 2 - 1;
    b0 = 0.99765 * b0 + w * 0.099046;
    b1 = 0.963 * b1 + w * 0.2965164;
    b2 = 0.57 * b2 + w * 1.0526913;
    out[i] = b0 + b1 + b2 + w * 0.1848;
  }
  return out;
}

/** Brown (red) noise: leaky integrated white noise, −6 dB per octave above about 5 Hz. */
export function brownNoise(random: SeededRandom, length: number): Float32Array {
  const out = new Float32Array(length);
  let y = 0;
  for (let i = 0; i < length; i += 1) {
    y = 0.998 * y + (random.next() * 2 - 1) * 0.05;
    out[i] = y;
  }
  return out;
}

/** Mains hum: 50 or 60 Hz and its harmonics, a slow wobble, a little hiss. */
export function hum(random: SeededRandom, length: number): Float32Array {
  const base = random.next() < 0.5 ? 50 : 60;
  const amps = [
    1,
    between(random, 0.2, 0.8),
    between(random, 0.1, 0.5),
    between(random, 0, 0.3),
    between(random, 0, 0.2),
  ];
  const wobble = between(random, 0.1, 0.5);
  const out = new Float32Array(length);
  for (let i = 0; i < length; i += 1) {
    const t = i / RATE;
    let v = 0;
    amps.forEach((a, k) => {
      v += a * Math.sin(2 * Math.PI * base * (k + 1) * t + k);
    });
    out[i] = v * (1 + 0.15 * Math.sin(2 * Math.PI * wobble * t)) + (random.next() - 0.5) * 0.05;
  }
  return out;
}

/** A fan or air conditioner: low-passed brown noise with a little pink hiss on top. */
export function fanNoise(random: SeededRandom, length: number): Float32Array {
  const out = filterCascade(brownNoise(random, length), butterworth("lowpass", 2, 600, RATE));
  addAt(out, rmsNormalize(pinkNoise(random, length), 0.02), 0);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Babble.

/**
 * Overlapped talkers (4 to 8, each at its own level) reading `clips` one after another with
 * short pauses, starting up to 3 s before the block so that speech is under way from the start.
 */
export function mixBabble(
  random: SeededRandom,
  length: number,
  clips: readonly Float32Array[],
): Float32Array {
  const out = new Float32Array(length);
  const talkers = 4 + random.nextInt(5);
  for (let t = 0; t < talkers; t += 1) {
    let at = Math.round(-between(random, 0, 3) * RATE);
    const gain = between(random, 0.3, 1);
    while (at < length) {
      const clip = pick(random, clips);
      addAt(out, clip, at, gain);
      at += clip.length + Math.round(between(random, 0.1, 0.8) * RATE);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Music.

/** Scale steps in semitones above the tonic (shared with sample-pack-music.ts). */
export const MAJOR_SCALE: readonly number[] = [0, 2, 4, 5, 7, 9, 11];
export const NATURAL_MINOR_SCALE: readonly number[] = [0, 2, 3, 5, 7, 8, 10];
/** Chord roots as scale degrees, one per bar: the progressions of popular music. */
export const CHORD_PROGRESSIONS: readonly (readonly number[])[] = [
  [0, 4, 5, 3],
  [0, 5, 3, 4],
  [0, 3, 4, 4],
  [5, 3, 0, 4],
  [0, 3, 0, 4],
  [1, 4, 0, 0],
];

function midiHz(note: number): number {
  return 440 * 2 ** ((note - 69) / 12);
}

/** A note with harmonics (amplitude 1/k^rolloff) and an attack/exponential-decay envelope. */
function renderNote(
  target: Float32Array,
  startSeconds: number,
  seconds: number,
  hz: number,
  gain: number,
  harmonics: number,
  rolloff: number,
  attackSeconds: number,
  decayPerSecond: number,
): void {
  const start = Math.round(startSeconds * RATE);
  const length = Math.round((seconds + 0.08) * RATE);
  const attack = Math.max(1, Math.round(attackSeconds * RATE));
  const release = Math.round(0.08 * RATE);
  const partials: [number, number][] = [];
  for (let k = 1; k <= harmonics; k += 1)
    if (hz * k < RATE * 0.45) partials.push([(2 * Math.PI * hz * k) / RATE, 1 / k ** rolloff]);
  for (let i = 0; i < length && start + i < target.length; i += 1) {
    let env = i < attack ? i / attack : Math.exp(-decayPerSecond * ((i - attack) / RATE));
    if (i > length - release) env *= (length - i) / release;
    let v = 0;
    for (const [w, a] of partials) v += a * Math.sin(w * i);
    target[start + i] = (target[start + i] ?? 0) + v * env * gain;
  }
}

/**
 * Drum colouring. A second-order section with Q 0.5 stands for two cascaded one-pole filters at
 * the same corner (kick, hat); Q 1/√2 (Butterworth) for a single, gentler band edge (snare).
 */
const DRUM_FILTERS: Readonly<Record<"kick" | "snare" | "hat", readonly Biquad[]>> = {
  kick: [designBiquad("lowpass", 150, RATE, 0.5)],
  snare: [...butterworth("highpass", 2, 900, RATE), ...butterworth("lowpass", 2, 4000, RATE)],
  hat: [designBiquad("highpass", 5000, RATE, 0.5)],
};

function drum(random: SeededRandom, kind: "kick" | "snare" | "hat"): Float32Array {
  const seconds = kind === "kick" ? 0.25 : kind === "snare" ? 0.18 : 0.05;
  const n = Math.round(seconds * RATE);
  const noise = filterCascade(whiteNoise(random, n), DRUM_FILTERS[kind]);
  const decay = kind === "kick" ? 18 : kind === "snare" ? 22 : 70;
  for (let i = 0; i < n; i += 1) {
    const t = i / RATE;
    let v = (noise[i] ?? 0) * (kind === "kick" ? 6 : 1);
    if (kind === "kick")
      v += Math.sin(2 * Math.PI * (50 * t + (100 / 30) * (1 - Math.exp(-30 * t)))) * 0.9;
    noise[i] = v * Math.exp(-decay * t);
  }
  return noise;
}

/**
 * One piece of music, `seconds` long: a chord progression on a pad, a bass line, a melody and
 * usually drums, peak 0.3 to 0.85, faded in and out (0.5 s, less for pieces under 5 s).
 */
export function renderMusic(random: SeededRandom, seconds: number): Float32Array {
  const out = new Float32Array(Math.round(seconds * RATE));
  const bpm = between(random, 70, 150);
  const beat = 60 / bpm;
  const bar = 4 * beat;
  const root = 45 + random.nextInt(12);
  const scale = random.next() < 0.5 ? MAJOR_SCALE : NATURAL_MINOR_SCALE;
  const progression = pick(random, CHORD_PROGRESSIONS);
  const padHarmonics = 3 + random.nextInt(5);
  const leadHarmonics = 2 + random.nextInt(7);
  const withDrums = random.next() < 0.7;
  const degree = (d: number) => {
    const octave = Math.floor(d / 7);
    return root + 12 * octave + (scale[((d % 7) + 7) % 7] ?? 0);
  };
  const kick = drum(random, "kick");
  const snare = drum(random, "snare");
  const hat = drum(random, "hat");
  let melodyDegree = 7 + random.nextInt(7);
  for (let b = 0; b * bar < seconds; b += 1) {
    const start = b * bar;
    const chord = progression[b % progression.length] ?? 0;
    for (const offset of [0, 2, 4]) {
      renderNote(
        out,
        start,
        bar,
        midiHz(degree(chord + offset) + 12),
        0.08,
        padHarmonics,
        1.2,
        0.15,
        0.6,
      );
    }
    for (const beatIndex of [0, 2]) {
      renderNote(
        out,
        start + beatIndex * beat,
        beat * 1.5,
        midiHz(degree(chord) - 12),
        0.25,
        4,
        1.5,
        0.01,
        3,
      );
    }
    // Melody: eighth and quarter notes wandering over the scale, with rests.
    let t = 0;
    while (t < 4 - 1e-9) {
      const length = random.next() < 0.6 ? 0.5 : 1;
      if (random.next() < 0.8) {
        melodyDegree = Math.max(
          7,
          Math.min(17, melodyDegree + pick(random, [-2, -1, -1, 0, 1, 1, 2, 3])),
        );
        renderNote(
          out,
          start + t * beat,
          length * beat,
          midiHz(degree(melodyDegree) + 12),
          0.12,
          leadHarmonics,
          1.5,
          0.01,
          4,
        );
      }
      t += length;
    }
    if (withDrums) {
      for (let e = 0; e < 8; e += 1) {
        const at = Math.round((start + (e * beat) / 2) * RATE);
        if (e % 4 === 0) addAt(out, kick, at, 0.6);
        if (e % 4 === 2) addAt(out, snare, at, 0.35);
        addAt(out, hat, at, e % 2 === 0 ? 0.12 : 0.07);
      }
    }
  }
  return fadeEdges(peakNormalize(out, between(random, 0.3, 0.85)), Math.min(0.5, seconds / 10));
}
