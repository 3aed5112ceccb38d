import { AudioArgumentError } from "../errors.js";
import { createSeededRandom } from "../random/seeded-random.js";
import { assertFiniteSamples, assertInRange, assertInteger } from "../resample/arguments.js";
import { meanSquare } from "./gain.js";

export interface MixAtSnrOptions {
  /** Seed for the noise start when `offset` is not given. */
  readonly seed: number | string;
  /** Noise sample to start from (looping past the end); default: drawn from `seed`. */
  readonly offset?: number;
}

/**
 * Adds `noise` to `speech` so that the signal-to-noise ratio is `snrDb`: the noise is read from
 * `offset` (or a seeded random start), looped when shorter than the speech and cropped to its
 * length, then scaled so that mean(speech²) / mean(addedNoise²), both over the speech's whole
 * span, equals 10^(snrDb/10). The result has the speech's length and is not clipped or
 * normalised (apply a gain with a peak limit afterwards if it must stay within ±1).
 *
 * Silent speech makes the SNR undefined, and silent noise cannot reach any finite SNR: both throw
 * an AudioArgumentError with code SILENT_SIGNAL rather than return something that is not what was
 * asked for.
 */
export function mixAtSnr(
  speech: Float32Array,
  noise: Float32Array,
  snrDb: number,
  options: MixAtSnrOptions,
): Float32Array {
  assertFiniteSamples(speech, "speech");
  assertFiniteSamples(noise, "noise");
  assertInRange(snrDb, "snrDb", -100, 200);
  if (noise.length === 0) {
    throw new AudioArgumentError("BAD_ARGUMENT", "noise is empty: there is nothing to mix in");
  }
  const offset = options.offset ?? createSeededRandom(options.seed).nextInt(noise.length);
  assertInteger(offset, "offset", 0, noise.length - 1);

  const speechPower = meanSquare(speech);
  if (speechPower === 0) {
    throw new AudioArgumentError(
      "SILENT_SIGNAL",
      `speech is silent (${speech.length} samples of zero): the SNR is undefined`,
    );
  }
  const segment = new Float64Array(speech.length);
  let noiseEnergy = 0;
  for (let i = 0, j = offset; i < speech.length; i += 1) {
    const value = noise[j] as number;
    segment[i] = value;
    noiseEnergy += value * value;
    j += 1;
    if (j === noise.length) j = 0;
  }
  const noisePower = noiseEnergy / speech.length;
  if (noisePower === 0) {
    throw new AudioArgumentError(
      "SILENT_SIGNAL",
      `noise is silent over the ${speech.length} samples used (from offset ${offset}): no gain reaches ${snrDb} dB SNR`,
    );
  }
  const scale = Math.sqrt(speechPower / (noisePower * 10 ** (snrDb / 10)));
  const output = new Float32Array(speech.length);
  for (let i = 0; i < speech.length; i += 1) {
    output[i] = (speech[i] as number) + scale * (segment[i] as number);
  }
  return output;
}
