// Background audio made on the spot, for augmentation and as negatives when a data set has
// little or none: coloured noise, mains hum, a music-like bed of tones, and speech babble
// mixed from clips at hand. Deterministic for a seed. 16 kHz, peak about 0.5.
import { SAMPLE_RATE_HZ, createSeededRandom } from "@wakeforge/audio";
import type { DatasetClip } from "./dataset-types.js";

export type GeneratedNoiseKind = "white" | "pink" | "brown" | "hum" | "music" | "babble";

export const GENERATED_NOISE_KINDS: readonly GeneratedNoiseKind[] = [
  "white",
  "pink",
  "brown",
  "hum",
  "music",
  "babble",
];

export interface GenerateNoiseOptions {
  readonly seconds: number;
  readonly seed?: number | string;
  /** Speech clips for `babble` (16 kHz); required for that kind. */
  readonly speech?: readonly Float32Array[];
}

function normalise(samples: Float32Array, peak = 0.5): Float32Array {
  let max = 0;
  for (const s of samples) max = Math.max(max, Math.abs(s));
  if (max > 0)
    for (let i = 0; i < samples.length; i += 1) samples[i] = ((samples[i] as number) / max) * peak;
  return samples;
}

/** One kind of generated background audio, `seconds` long. */
export function generateNoise(
  kind: GeneratedNoiseKind,
  options: GenerateNoiseOptions,
): Float32Array {
  const n = Math.max(0, Math.round(options.seconds * SAMPLE_RATE_HZ));
  const random = createSeededRandom(`${options.seed ?? 0}/${kind}`);
  const white = () => random.next() * 2 - 1;
  const out = new Float32Array(n);
  switch (kind) {
    case "white":
      for (let i = 0; i < n; i += 1) out[i] = white();
      break;
    case "pink": {
      // Paul Kellet's economy filter.
      let b0 = 0;
      let b1 = 0;
      let b2 = 0;
      for (let i = 0; i < n; i += 1) {
        const w = white();
        b0 = 0.99765 * b0 + w * 0.099046;
        b1 = 0.963 * b1 + w * 0.2965164;
        b2 = 0.57 * b2 + w * 1.0526913;
        out[i] = b0 + b1 + b2 + w * 0.1848;
      }
      break;
    }
    case "brown": {
      let last = 0;
      for (let i = 0; i < n; i += 1) {
        last = (last + 0.02 * white()) / 1.02;
        out[i] = last;
      }
      break;
    }
    case "hum": {
      const mains = random.next() < 0.5 ? 50 : 60;
      const amplitudes = [1, 0.5, 0.3, 0.2, 0.1];
      for (let i = 0; i < n; i += 1) {
        let v = 0.05 * white();
        amplitudes.forEach((a, h) => {
          v += a * Math.sin((2 * Math.PI * mains * (h + 1) * i) / SAMPLE_RATE_HZ);
        });
        out[i] = v;
      }
      break;
    }
    case "music": {
      // Notes of a pentatonic scale with decaying envelopes and a few harmonics, 4 voices.
      const scale = [0, 2, 4, 7, 9];
      for (let voice = 0; voice < 4; voice += 1) {
        let at = 0;
        while (at < n) {
          const length = Math.round((0.15 + 0.6 * random.next()) * SAMPLE_RATE_HZ);
          const semitone = (scale[random.nextInt(scale.length)] as number) + 12 * random.nextInt(3);
          const freq = 110 * 2 ** (semitone / 12) * (voice === 0 ? 1 : 2);
          const gain = 0.3 + 0.7 * random.next();
          for (let i = 0; i < length && at + i < n; i += 1) {
            const t = i / SAMPLE_RATE_HZ;
            const env = gain * Math.exp(-3 * t) * Math.min(1, i / 80);
            const phase = 2 * Math.PI * freq * t;
            out[at + i] =
              (out[at + i] as number) +
              env * (Math.sin(phase) + 0.4 * Math.sin(2 * phase) + 0.2 * Math.sin(3 * phase));
          }
          at += length;
        }
      }
      break;
    }
    case "babble": {
      const speech = (options.speech ?? []).filter((clip) => clip.length > 0);
      if (speech.length === 0) throw new RangeError("babble needs speech clips");
      for (let talker = 0; talker < 5; talker += 1) {
        let at = random.nextInt(SAMPLE_RATE_HZ);
        while (at < n) {
          const clip = speech[random.nextInt(speech.length)] as Float32Array;
          for (let i = 0; i < clip.length && at + i < n; i += 1) {
            out[at + i] = (out[at + i] as number) + (clip[i] as number);
          }
          at += clip.length + random.nextInt(SAMPLE_RATE_HZ / 4);
        }
      }
      break;
    }
  }
  return normalise(out);
}

/**
 * Background clips of every generated kind (`babble` only when speech is given), each
 * `seconds` long, as data set clips (source synthetic, speaker `noise:<kind>`).
 */
export function generatedBackgroundClips(options: GenerateNoiseOptions): DatasetClip[] {
  const kinds = GENERATED_NOISE_KINDS.filter(
    (kind) => kind !== "babble" || (options.speech?.length ?? 0) > 0,
  );
  return kinds.map((kind) => ({
    id: `generated/${kind}`,
    file: "",
    kind: "background",
    source: "synthetic",
    speakerId: `noise:${kind}`,
    category: kind === "music" ? "music" : kind === "babble" ? "speech" : "noise",
    weight: 1,
    samples: generateNoise(kind, options),
  }));
}
