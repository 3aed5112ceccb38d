import { AudioArgumentError } from "../errors.js";
import { assertFiniteSamples, assertInRange } from "../resample/arguments.js";

export interface ApplyGainOptions {
  /**
   * Largest absolute sample value allowed after the gain (e.g. 1 for full scale). When the
   * amplified signal's peak exceeds it, the whole signal is scaled down to meet it (no
   * distortion, so the applied gain is then smaller than asked). Default: no limit.
   */
  readonly peakLimit?: number;
}

/** Decibels to an amplitude factor: 10^(dB/20). */
export function decibelsToAmplitude(gainDb: number): number {
  return 10 ** (gainDb / 20);
}

/** Returns `samples` multiplied by 10^(gainDb/20), optionally scaled down to a peak limit. */
export function applyGain(
  samples: Float32Array,
  gainDb: number,
  options?: ApplyGainOptions,
): Float32Array {
  assertFiniteSamples(samples);
  assertInRange(gainDb, "gainDb", -200, 200);
  let factor = decibelsToAmplitude(gainDb);
  const peakLimit = options?.peakLimit;
  if (peakLimit !== undefined) {
    if (!(peakLimit > 0) || !Number.isFinite(peakLimit)) {
      throw new AudioArgumentError(
        "BAD_ARGUMENT",
        `peakLimit must be a finite positive number, got ${String(peakLimit)}`,
      );
    }
    const peak = peakOf(samples) * factor;
    if (peak > peakLimit) factor *= peakLimit / peak;
  }
  const output = new Float32Array(samples.length);
  for (let i = 0; i < samples.length; i += 1) output[i] = (samples[i] as number) * factor;
  return output;
}

/** Largest absolute sample value. */
export function peakOf(samples: Float32Array): number {
  let peak = 0;
  for (let i = 0; i < samples.length; i += 1) {
    const value = Math.abs(samples[i] as number);
    if (value > peak) peak = value;
  }
  return peak;
}

/** Mean square of the samples (0 for an empty array). */
export function meanSquare(samples: Float32Array): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < samples.length; i += 1) sum += (samples[i] as number) ** 2;
  return sum / samples.length;
}
