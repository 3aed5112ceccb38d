import { assertFiniteSamples, assertInteger } from "../resample/arguments.js";

export interface ShiftAndPadOptions {
  /**
   * Samples to move the signal later in time (positive) or earlier (negative); what moves past
   * either end is cropped, the gap left behind is zeros.
   */
  readonly shiftSamples: number;
  /** Length of the result, in samples; default: the input's length. */
  readonly targetLength?: number;
}

/**
 * Time shift with zero padding and cropping: `output[i] = samples[i − shiftSamples]` where that
 * index exists, else 0, for i < targetLength.
 */
export function shiftAndPad(samples: Float32Array, options: ShiftAndPadOptions): Float32Array {
  assertFiniteSamples(samples);
  const { shiftSamples } = options;
  const targetLength = options.targetLength ?? samples.length;
  assertInteger(shiftSamples, "shiftSamples", -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  assertInteger(targetLength, "targetLength", 0, 2 ** 31);
  const output = new Float32Array(targetLength);
  const from = Math.max(0, -shiftSamples);
  const to = Math.min(samples.length, targetLength - shiftSamples);
  if (to > from) output.set(samples.subarray(from, to), from + shiftSamples);
  return output;
}
