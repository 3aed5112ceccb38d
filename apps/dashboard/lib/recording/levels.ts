// Loudness in dB relative to full scale, for the level meter and the silence trimmer.

/** What −∞ dBFS is shown as: quieter than any microphone's noise floor. */
export const FLOOR_DB = -90;

/** RMS level of `samples[from, to)` in dBFS, at least FLOOR_DB. */
export function rmsDb(samples: Float32Array, from = 0, to = samples.length): number {
  let sum = 0;
  for (let i = from; i < to; i += 1) sum += (samples[i] ?? 0) ** 2;
  const rms = Math.sqrt(sum / Math.max(1, to - from));
  return rms > 0 ? Math.max(FLOOR_DB, 20 * Math.log10(rms)) : FLOOR_DB;
}

/** Peak level of `samples` in dBFS, at least FLOOR_DB. */
export function peakDb(samples: Float32Array): number {
  let peak = 0;
  for (const v of samples) peak = Math.max(peak, Math.abs(v));
  return peak > 0 ? Math.max(FLOOR_DB, 20 * Math.log10(peak)) : FLOOR_DB;
}
