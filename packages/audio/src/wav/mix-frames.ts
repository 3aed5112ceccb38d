import { AudioDecodeError } from "../errors.js";
import type { WavFormat } from "./wav-format.js";

/**
 * Converts `frames` interleaved sample frames starting at byte `start` of `view` to mono floats
 * (the mean of the channels). `firstFrame` is the index of the first frame in the whole file, so
 * a streamed block reports a bad sample at its true position.
 */
export function mixFramesToMono(
  view: DataView,
  start: number,
  frames: number,
  format: WavFormat,
  firstFrame: number,
  fileName: string | undefined,
): Float32Array {
  const { reader, channels, sampleRateHz } = format;
  const samples = new Float32Array(frames);
  let at = start;
  for (let frame = 0; frame < frames; frame += 1) {
    let sum = 0;
    for (let channel = 0; channel < channels; channel += 1) {
      const value = reader.read(view, at);
      if (reader.canBeNonFinite && !Number.isFinite(value)) {
        const index = firstFrame + frame;
        const seconds = (index / sampleRateHz).toFixed(3);
        throw new AudioDecodeError(
          "NON_FINITE_SAMPLES",
          `sample ${index} of channel ${channel} (at ${seconds} s) is ${value}`,
          { fileName },
        );
      }
      sum += value;
      at += reader.bytesPerSample;
    }
    samples[frame] = sum / channels;
  }
  return samples;
}
