// The log-mel spectrogram the model hears (32 bands, 10 ms frames, as @wakeforge/audio
// computes it for the base network), drawn as a PNG: low bands at the bottom, 80 dB of range.
import { LOG_MEL_TOP_DB, MEL_BAND_COUNT, computeLogMel, toInt16Scale } from "@wakeforge/audio";
import { spectrogramPalette } from "./palette";
import { encodePalettePng } from "./png";

export interface LogMelPngOptions {
  /** Longer clips are averaged down to this many columns. Default 480. */
  readonly maxColumns?: number;
}

let palette: Uint8Array | undefined;

/** `samples`: 16 kHz mono, −1…1. A clip too short for one frame gives a one-column image. */
export function logMelPng(
  samples: Float32Array,
  options: LogMelPngOptions = {},
): Uint8Array<ArrayBuffer> {
  palette ??= spectrogramPalette();
  const { frames, frameCount } = computeLogMel(toInt16Scale(samples));
  const columns = Math.max(1, Math.min(options.maxColumns ?? 480, frameCount));
  const grid = new Float32Array(columns * MEL_BAND_COUNT).fill(Number.NEGATIVE_INFINITY);
  let loudest = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < columns && frameCount > 0; c += 1) {
    const from = Math.floor((c * frameCount) / columns);
    const to = Math.max(from + 1, Math.floor(((c + 1) * frameCount) / columns));
    for (let b = 0; b < MEL_BAND_COUNT; b += 1) {
      let sum = 0;
      for (let f = from; f < to; f += 1) sum += frames[f * MEL_BAND_COUNT + b] ?? 0;
      const value = sum / (to - from);
      grid[c * MEL_BAND_COUNT + b] = value;
      if (value > loudest) loudest = value;
    }
  }
  const floor = loudest - LOG_MEL_TOP_DB;
  const indices = new Uint8Array(columns * MEL_BAND_COUNT);
  for (let c = 0; c < columns; c += 1) {
    for (let b = 0; b < MEL_BAND_COUNT; b += 1) {
      const value = grid[c * MEL_BAND_COUNT + b] ?? floor;
      const level = Number.isFinite(value) ? (value - floor) / LOG_MEL_TOP_DB : 0;
      const row = MEL_BAND_COUNT - 1 - b;
      indices[row * columns + c] = Math.round(255 * Math.min(1, Math.max(0, level)));
    }
  }
  return encodePalettePng(columns, MEL_BAND_COUNT, indices, palette);
}
