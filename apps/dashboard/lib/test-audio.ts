// Test helpers: tones as samples and as WAV bytes (real audio, with a level the tests know).
import { encodeWav } from "@wakeforge/audio";

/** `seconds` of a sine at `frequencyHz`, amplitude 0.5. */
export function tone(seconds: number, sampleRateHz = 16_000, frequencyHz = 440): Float32Array {
  return Float32Array.from(
    { length: Math.round(seconds * sampleRateHz) },
    (_, i) => 0.5 * Math.sin((2 * Math.PI * frequencyHz * i) / sampleRateHz),
  );
}

/** A tone as 16-bit WAV bytes. */
export function toneWav(seconds: number, sampleRateHz = 16_000, frequencyHz = 440): Uint8Array {
  return encodeWav(tone(seconds, sampleRateHz, frequencyHz), sampleRateHz);
}
