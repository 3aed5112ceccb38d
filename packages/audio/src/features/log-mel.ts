// Log-mel features exactly as openWakeWord's melspectrogram.onnx computes them, with the top-dB
// clip taken per group of 8 frames (one 80 ms streaming chunk) so that a batch call and a stream
// give the same numbers. See docs/audio-features.md.

import { AudioError } from "../errors.js";
import {
  FFT_SIZE_SAMPLES,
  HOP_SIZE_SAMPLES,
  INT16_FULL_SCALE,
  LOG_MEL_CLIP_GROUP_FRAMES,
  MEL_BAND_COUNT,
} from "../constants.js";
import { clipGroupToTopDb, LogMelFrameComputer } from "./log-mel-frame.js";

/** Log-mel frames, row-major: value of band b in frame n at `frames[n * 32 + b]`, in dB. */
export interface LogMel {
  readonly frames: Float32Array;
  readonly frameCount: number;
}

export interface LogMelOptions {
  /** Named in error messages, e.g. "hey-nova-01.wav". */
  readonly fileName?: string;
}

/** Frames a signal of `sampleCount` samples yields: frame n covers samples [160n, 160n + 512). */
export function logMelFrameCount(sampleCount: number): number {
  return sampleCount < FFT_SIZE_SAMPLES
    ? 0
    : Math.floor((sampleCount - FFT_SIZE_SAMPLES) / HOP_SIZE_SAMPLES) + 1;
}

let sharedComputer: LogMelFrameComputer | undefined;

/**
 * Log-mel of a 16 kHz signal at int16 scale (−32768…32767; convert −1…1 audio with
 * `toInt16Scale`): 512-sample frames every 160 samples, no padding, 32 bands, in dB, clipped to
 * 80 dB below the loudest value of each group of 8 frames (frames 8g … 8g + 7; a trailing partial
 * group uses its own maximum). Equal to running melspectrogram.onnx on samples
 * [1280g, 1280g + 1760) for every group g. Fewer than 512 samples give no frames.
 * Throws AudioError NON_FINITE_SAMPLES on NaN or ±Infinity.
 */
export function computeLogMel(samples: Float32Array, options: LogMelOptions = {}): LogMel {
  assertFiniteSamples(samples, 0, options.fileName);
  const frameCount = logMelFrameCount(samples.length);
  const frames = new Float32Array(frameCount * MEL_BAND_COUNT);
  sharedComputer ??= new LogMelFrameComputer();
  const computer = sharedComputer;
  for (let frame = 0; frame < frameCount; frame += 1) {
    computer.computeFrame(samples, frame * HOP_SIZE_SAMPLES, frames, frame * MEL_BAND_COUNT);
  }
  for (let first = 0; first < frameCount; first += LOG_MEL_CLIP_GROUP_FRAMES) {
    const offset = first * MEL_BAND_COUNT;
    const count = Math.min(LOG_MEL_CLIP_GROUP_FRAMES, frameCount - first);
    clipGroupToTopDb(frames, offset, frames, offset, count);
  }
  return { frames, frameCount };
}

export interface BaseNetworkInputOptions {
  /** Overwrite `logMel.frames` instead of returning new frames. */
  readonly inPlace?: boolean;
}

/** The scaling the speech-embedding base network was trained on: `x / 10 + 2` per value. */
export function toBaseNetworkInput(logMel: LogMel, options: BaseNetworkInputOptions = {}): LogMel {
  const source = logMel.frames;
  const target = options.inPlace === true ? source : new Float32Array(source.length);
  for (let i = 0; i < source.length; i += 1) {
    target[i] = (source[i] as number) / 10 + 2;
  }
  return { frames: target, frameCount: logMel.frameCount };
}

/**
 * −1…1 audio (what `decodeWav` returns) to the int16 scale the mel model expects: times 32768,
 * the exact inverse of 16-bit PCM decoding. Values are not clamped. Returns a new array.
 */
export function toInt16Scale(samples: Float32Array): Float32Array {
  const scaled = new Float32Array(samples.length);
  for (let i = 0; i < samples.length; i += 1) {
    scaled[i] = (samples[i] as number) * INT16_FULL_SCALE;
  }
  return scaled;
}

/**
 * Throws AudioError NON_FINITE_SAMPLES naming the first NaN or ±Infinity; `firstIndex` is the
 * position of `samples[0]` in the whole signal (for streams).
 */
export function assertFiniteSamples(
  samples: Float32Array,
  firstIndex: number,
  fileName: string | undefined,
): void {
  for (let i = 0; i < samples.length; i += 1) {
    const value = samples[i] as number;
    // value − value is 0 for every finite number and NaN for NaN and ±Infinity.
    if (value - value !== 0) {
      throw new AudioError(
        "NON_FINITE_SAMPLES",
        `sample ${firstIndex + i} is ${value}; log-mel needs finite samples`,
        { fileName },
      );
    }
  }
}
