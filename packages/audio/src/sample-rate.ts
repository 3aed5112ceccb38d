import { MAX_SAMPLE_RATE_HZ, MIN_SAMPLE_RATE_HZ } from "./constants.js";

/** Why `sampleRateHz` cannot be a real audio sample rate, or undefined when it can. */
export function sampleRateProblem(sampleRateHz: number): string | undefined {
  if (!Number.isInteger(sampleRateHz)) {
    return `sample rate ${sampleRateHz} Hz is not a whole number`;
  }
  if (sampleRateHz < MIN_SAMPLE_RATE_HZ || sampleRateHz > MAX_SAMPLE_RATE_HZ) {
    return `sample rate ${sampleRateHz} Hz is outside ${MIN_SAMPLE_RATE_HZ}–${MAX_SAMPLE_RATE_HZ} Hz`;
  }
  return undefined;
}
