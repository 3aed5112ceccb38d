// The resampler's filter: one windowed-sinc low-pass, evaluated at the fractional input positions
// an output sample can fall on and stored as a polyphase table. See
// docs/audio-resampling-and-augmentation.md for the numbers.
import { AudioArgumentError } from "../errors.js";
import { besselI0, kaiserBeta, kaiserSpanSamples, kaiserWindow } from "./kaiser.js";

/** Output phases stored exactly; above this many, the table is sampled and interpolated. */
const MAX_EXACT_PHASES = 1024;

/** Rows of the interpolated table (per input sample); linear interpolation between rows stays
 * about 100 dB below the signal for the kernels used here. */
const INTERPOLATED_PHASES = 512;

/** Largest numerator or denominator accepted when a rate ratio is not a ratio of integers. */
const MAX_RATIO_TERM = 1_000_000;

/** Longest filter accepted (about 3000:1 down-sampling at the default settings). */
const MAX_TAPS = 1 << 18;

/** Tables kept for reuse (speed perturbation and streaming reuse the same few ratios). */
const CACHE_SIZE = 16;

export interface ResamplerDesign {
  /** Output samples per `downFactor` input samples: to/from = upFactor/downFactor, in lowest terms. */
  readonly upFactor: number;
  readonly downFactor: number;
  /** Normalised cutoff (−6 dB point) in cycles per input sample. */
  readonly cutoffCyclesPerInputSample: number;
  /** Kaiser β of the window. */
  readonly beta: number;
  /** Half-width of the windowed kernel, in input samples (continuous). */
  readonly halfWidthSamples: number;
  /** Taps read per output sample: input samples base − halfTaps + 1 … base + halfTaps. */
  readonly halfTaps: number;
  readonly tapCount: number;
  /** True when the table is sampled at `phaseCount` fractions and interpolated linearly. */
  readonly interpolated: boolean;
  /** Rows of the table: `upFactor` exact phases, or INTERPOLATED_PHASES + 1 sampled ones. */
  readonly phaseCount: number;
  /** Row-major `phaseCount × tapCount` coefficients; row p is for fractional position p/phases. */
  readonly table: Float64Array;
}

export interface FilterSpec {
  readonly passbandFraction: number;
  readonly stopbandAttenuationDb: number;
}

const cache = new Map<string, ResamplerDesign>();

/** The table for resampling by `upFactor/downFactor` (lowest terms), from a small cache. */
export function designResampler(
  upFactor: number,
  downFactor: number,
  spec: FilterSpec,
): ResamplerDesign {
  const key = `${upFactor}/${downFactor}/${spec.passbandFraction}/${spec.stopbandAttenuationDb}`;
  const cached = cache.get(key);
  if (cached !== undefined) {
    cache.delete(key);
    cache.set(key, cached);
    return cached;
  }
  const design = buildDesign(upFactor, downFactor, spec);
  cache.set(key, design);
  if (cache.size > CACHE_SIZE) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return design;
}

function buildDesign(upFactor: number, downFactor: number, spec: FilterSpec): ResamplerDesign {
  // The lower of the two rates, as a fraction of the input rate, sets the band to keep.
  const lowerRateFraction = Math.min(1, upFactor / downFactor);
  const cutoff = ((1 + spec.passbandFraction) / 2) * (lowerRateFraction / 2);
  const transition = ((1 - spec.passbandFraction) / 2) * lowerRateFraction;
  const beta = kaiserBeta(spec.stopbandAttenuationDb);
  const halfWidthSamples = kaiserSpanSamples(spec.stopbandAttenuationDb, transition) / 2;
  const halfTaps = Math.max(1, Math.ceil(halfWidthSamples));
  const tapCount = 2 * halfTaps;
  if (tapCount > MAX_TAPS) {
    throw new AudioArgumentError(
      "BAD_SAMPLE_RATE",
      `resampling by ${upFactor}/${downFactor} needs a ${tapCount}-tap filter (at most ${MAX_TAPS}): the rates are too far apart`,
    );
  }
  const interpolated = upFactor > MAX_EXACT_PHASES;
  const phases = interpolated ? INTERPOLATED_PHASES : upFactor;
  const phaseCount = interpolated ? INTERPOLATED_PHASES + 1 : upFactor;
  const table = new Float64Array(phaseCount * tapCount);
  const i0OfBeta = besselI0(beta);
  const twoCutoff = 2 * cutoff;

  for (let row = 0; row < phaseCount; row += 1) {
    const fraction = row / phases;
    const offset = row * tapCount;
    let sum = 0;
    for (let tap = 0; tap < tapCount; tap += 1) {
      // Tap `tap` reads input sample base − halfTaps + 1 + tap; the output lies at base + fraction.
      const distance = fraction + halfTaps - 1 - tap;
      const x = twoCutoff * distance;
      const sinc = x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
      const value = twoCutoff * sinc * kaiserWindow(distance / halfWidthSamples, beta, i0OfBeta);
      table[offset + tap] = value;
      sum += value;
    }
    // Exact unit gain at DC for every phase: no phase-dependent ripple becomes a spurious tone.
    for (let tap = 0; tap < tapCount; tap += 1) {
      table[offset + tap] = (table[offset + tap] as number) / sum;
    }
  }

  return {
    upFactor,
    downFactor,
    cutoffCyclesPerInputSample: cutoff,
    beta,
    halfWidthSamples,
    halfTaps,
    tapCount,
    interpolated,
    phaseCount,
    table,
  };
}

function greatestCommonDivisor(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y !== 0) {
    const rest = x % y;
    x = y;
    y = rest;
  }
  return x;
}

/**
 * `toHz/fromHz` as up/down factors in lowest terms: exact for whole-number rates, otherwise the
 * nearest fraction with terms up to a million (continued fractions; error below 1e-12 relative).
 */
export function rateRatio(fromHz: number, toHz: number): { up: number; down: number } {
  if (
    Number.isInteger(fromHz) &&
    Number.isInteger(toHz) &&
    fromHz <= Number.MAX_SAFE_INTEGER / MAX_RATIO_TERM &&
    toHz <= Number.MAX_SAFE_INTEGER / MAX_RATIO_TERM
  ) {
    const divisor = greatestCommonDivisor(fromHz, toHz);
    const up = toHz / divisor;
    const down = fromHz / divisor;
    if (up <= MAX_RATIO_TERM && down <= MAX_RATIO_TERM) return { up, down };
  }
  const target = toHz / fromHz;
  // Continued-fraction convergents h/k of target.
  let previousH = 0;
  let h = 1;
  let previousK = 1;
  let k = 0;
  let rest = target;
  for (let i = 0; i < 64; i += 1) {
    const whole = Math.floor(rest);
    const nextH = whole * h + previousH;
    const nextK = whole * k + previousK;
    if (nextH > MAX_RATIO_TERM || nextK > MAX_RATIO_TERM) break;
    previousH = h;
    previousK = k;
    h = nextH;
    k = nextK;
    if (Math.abs(h / k - target) <= 1e-12 * target) break;
    const fraction = rest - whole;
    if (fraction < 1e-15) break;
    rest = 1 / fraction;
  }
  if (h === 0 || k === 0) {
    throw new AudioArgumentError(
      "BAD_SAMPLE_RATE",
      `cannot resample from ${fromHz} Hz to ${toHz} Hz: the ratio ${target} is out of range`,
    );
  }
  return { up: h, down: k };
}
