// A finished microphone recording, made into what the upload API takes: 16 kHz mono WAV,
// optionally with the silence around the speech cut off.
import { SAMPLE_RATE_HZ, encodeWav, resample } from "@wakeforge/audio";
import { findSpeech } from "../../../lib/recording/trim-silence";

export interface EncodedRecording {
  readonly wav: Blob;
  /** Length as recorded. */
  readonly recordedSeconds: number;
  /** Length kept (after trimming). */
  readonly keptSeconds: number;
  /** Nothing louder than the noise floor was heard. */
  readonly silent: boolean;
}

function concat(blocks: readonly Float32Array[]): Float32Array {
  const out = new Float32Array(blocks.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const block of blocks) {
    out.set(block, at);
    at += block.length;
  }
  return out;
}

export function encodeRecording(
  blocks: readonly Float32Array[],
  sampleRateHz: number,
  trim: boolean,
): EncodedRecording {
  const raw = concat(blocks);
  const samples =
    sampleRateHz === SAMPLE_RATE_HZ ? raw : resample(raw, sampleRateHz, SAMPLE_RATE_HZ);
  const speech = findSpeech(samples, SAMPLE_RATE_HZ);
  const kept = trim && !speech.silent ? samples.subarray(speech.start, speech.end) : samples;
  const bytes = encodeWav(kept.length > 0 ? kept : new Float32Array(1), SAMPLE_RATE_HZ);
  return {
    wav: new Blob([new Uint8Array(bytes)], { type: "audio/wav" }),
    recordedSeconds: samples.length / SAMPLE_RATE_HZ,
    keptSeconds: kept.length / SAMPLE_RATE_HZ,
    silent: speech.silent,
  };
}
