// Background audio made on the spot, for augmentation and as negatives when a data set has
// little or none: coloured noise, mains hum, synthesized music, and speech babble
// mixed from clips at hand. Deterministic for a seed. 16 kHz, peak about 0.5. The generators
// live in noise-generators.ts, shared with the long negative audio of evaluation/.
import { SAMPLE_RATE_HZ, createSeededRandom } from "@wakeforge/audio";
import type { DatasetClip } from "./dataset-types.js";
import {
  brownNoise,
  hum,
  mixBabble,
  peakNormalize,
  pinkNoise,
  renderMusic,
  whiteNoise,
} from "./noise-generators.js";

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

/** One kind of generated background audio, `seconds` long, peak 0.5. */
export function generateNoise(
  kind: GeneratedNoiseKind,
  options: GenerateNoiseOptions,
): Float32Array {
  const n = Math.max(0, Math.round(options.seconds * SAMPLE_RATE_HZ));
  const random = createSeededRandom(`${options.seed ?? 0}/${kind}`);
  switch (kind) {
    case "white":
      return peakNormalize(whiteNoise(random, n), 0.5);
    case "pink":
      return peakNormalize(pinkNoise(random, n), 0.5);
    case "brown":
      return peakNormalize(brownNoise(random, n), 0.5);
    case "hum":
      return peakNormalize(hum(random, n), 0.5);
    case "music":
      return peakNormalize(renderMusic(random, n / SAMPLE_RATE_HZ), 0.5);
    case "babble": {
      const speech = (options.speech ?? []).filter((clip) => clip.length > 0);
      if (speech.length === 0) throw new RangeError("babble needs speech clips");
      return peakNormalize(mixBabble(random, n, speech), 0.5);
    }
  }
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
