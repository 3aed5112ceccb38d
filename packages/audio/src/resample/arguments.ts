// Argument checks shared by the resampler and the augmentations: each throws an
// AudioArgumentError that names the argument and what was received.
import { AudioArgumentError } from "../errors.js";

/** Throws unless every sample is a finite number; names the first bad index. */
export function assertFiniteSamples(samples: Float32Array, name = "samples"): void {
  for (let i = 0; i < samples.length; i += 1) {
    if (!Number.isFinite(samples[i])) {
      throw new AudioArgumentError(
        "NON_FINITE_SAMPLES",
        `${name}[${i}] is ${samples[i]}; audio samples must be finite numbers`,
      );
    }
  }
}

/** Throws unless `rateHz` is a finite positive number. */
export function assertSampleRate(rateHz: number, name: string): void {
  if (typeof rateHz !== "number" || !Number.isFinite(rateHz) || rateHz <= 0) {
    throw new AudioArgumentError(
      "BAD_SAMPLE_RATE",
      `${name} must be a finite positive number of Hz, got ${String(rateHz)}`,
    );
  }
}

/** Throws unless `value` is a finite number within [min, max]. */
export function assertInRange(value: number, name: string, min: number, max: number): void {
  if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max) {
    throw new AudioArgumentError(
      "BAD_ARGUMENT",
      `${name} must be a finite number in [${min}, ${max}], got ${String(value)}`,
    );
  }
}

/** Throws unless `value` is an integer within [min, max]. */
export function assertInteger(value: number, name: string, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new AudioArgumentError(
      "BAD_ARGUMENT",
      `${name} must be an integer in [${min}, ${max}], got ${String(value)}`,
    );
  }
}
