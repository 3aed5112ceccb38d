import { AudioDecodeError } from "../errors.js";
import { findWaveChunks } from "./riff-chunks.js";
import type { WavSampleFormat } from "./sample-formats.js";
import { mixFramesToMono } from "./mix-frames.js";
import { parseWavFormat } from "./wav-format.js";

export interface DecodeWavOptions {
  /** Named in error messages, e.g. "hello.wav". */
  readonly fileName?: string;
}

export interface DecodedAudio {
  /** Mono mix (the mean of all channels), nominally -1..1; float sources may exceed it. */
  readonly samples: Float32Array;
  readonly sampleRateHz: number;
  /** Channels in the file before mixing to mono. */
  readonly sourceChannels: number;
  /** Sample encoding in the file; for WAVE_FORMAT_EXTENSIBLE, the subformat's encoding. */
  readonly sourceFormat: WavSampleFormat;
  readonly durationSeconds: number;
}

/**
 * Decodes a RIFF/WAVE file: 8-bit unsigned and 16/24/32-bit signed PCM, 32/64-bit IEEE float,
 * WAVE_FORMAT_EXTENSIBLE of those, any channel count (mixed to mono), any plausible sample rate.
 * Damaged or unsupported input throws an AudioDecodeError naming the file and the problem.
 */
export function decodeWav(bytes: Uint8Array, options: DecodeWavOptions = {}): DecodedAudio {
  const { fileName } = options;
  // Honour byteOffset: the bytes may be a view into a larger buffer (a Node Buffer from a pool).
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks = findWaveChunks(view, fileName);
  const format = parseWavFormat(view, chunks.fmt, fileName);
  const { channels, sampleRateHz, blockAlignBytes } = format;

  // A trailing partial frame (a stream cut mid-write) holds no complete sample; it is dropped.
  const frames = Math.floor(chunks.data.size / blockAlignBytes);
  if (frames === 0) {
    throw new AudioDecodeError(
      "NO_SAMPLES",
      `data chunk holds no complete sample frame (${chunks.data.size} bytes, ${blockAlignBytes} per frame)`,
      { fileName },
    );
  }

  const samples = mixFramesToMono(view, chunks.data.start, frames, format, 0, fileName);

  return {
    samples,
    sampleRateHz,
    sourceChannels: channels,
    sourceFormat: format.sampleFormat,
    durationSeconds: frames / sampleRateHz,
  };
}
