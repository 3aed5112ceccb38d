import { assertInRange } from "../resample/arguments.js";
import { resample, type ResampleOptions } from "../resample/resampler.js";

/**
 * Speed perturbation (Ko et al., 2015): plays the clip `factor` times faster, so the result is
 * round(length / factor) samples long and every frequency is multiplied by `factor` (1.1: 10 %
 * shorter and higher). It is resampling by 1/factor through the package's band-limited
 * resampler, so speeding up removes what would move above the Nyquist frequency instead of
 * folding it back. `factor` must be in [0.25, 4]; 1 returns a copy.
 */
export function speedPerturb(
  samples: Float32Array,
  factor: number,
  options?: ResampleOptions,
): Float32Array {
  assertInRange(factor, "factor", 0.25, 4);
  // Treat the clip as if recorded at factor × its rate, and bring it back to its rate.
  return resample(samples, factor, 1, options);
}
