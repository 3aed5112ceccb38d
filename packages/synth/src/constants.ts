// Limits and timings of synthetic speech, named with their units, in one place.

/** Slowest speaking rate espeak-ng honours; it silently clamps slower requests to this. */
export const ESPEAK_NG_MIN_RATE_WPM = 80;

/** Fastest speaking rate espeak-ng documents (its default is 175). */
export const ESPEAK_NG_MAX_RATE_WPM = 450;

/** Lowest pitch setting; espeak-ng's default is 50. */
export const MIN_PITCH = 0;

/** Highest pitch setting. */
export const MAX_PITCH = 99;

/** Longest one synthesis may run before it is stopped; a short phrase takes well under 1 s. */
export const SYNTHESIS_TIMEOUT_MS = 30_000;

/** Longest a quick query (version, voice list) may run. */
export const ENGINE_QUERY_TIMEOUT_MS = 10_000;

/** A clip whose peak stays below this (-60 dBFS) holds no speech, only silence. */
export const SILENCE_PEAK_AMPLITUDE = 0.001;
