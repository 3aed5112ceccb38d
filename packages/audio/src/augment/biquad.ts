// Second-order IIR sections (Robert Bristow-Johnson's "Audio EQ Cookbook" formulas, bilinear
// transform pre-warped at the corner) and Butterworth cascades built from them.

export interface Biquad {
  readonly b0: number;
  readonly b1: number;
  readonly b2: number;
  /** Denominator a1, a2 with a0 normalised to 1. */
  readonly a1: number;
  readonly a2: number;
}

export type BiquadKind = "lowpass" | "highpass";

/** One cookbook low- or high-pass section with corner `frequencyHz` and quality `q`. */
export function designBiquad(
  kind: BiquadKind,
  frequencyHz: number,
  sampleRateHz: number,
  q: number,
): Biquad {
  const w0 = (2 * Math.PI * frequencyHz) / sampleRateHz;
  const cosW0 = Math.cos(w0);
  const alpha = Math.sin(w0) / (2 * q);
  const a0 = 1 + alpha;
  const b1 = kind === "lowpass" ? 1 - cosW0 : -(1 + cosW0);
  const b0 = kind === "lowpass" ? b1 / 2 : -b1 / 2;
  return { b0: b0 / a0, b1: b1 / a0, b2: b0 / a0, a1: (-2 * cosW0) / a0, a2: (1 - alpha) / a0 };
}

/**
 * An even-order Butterworth low- or high-pass as a cascade of order/2 sections: section k has
 * Q = 1 / (2·cos((2k − 1)·π / (2·order))).
 */
export function butterworth(
  kind: BiquadKind,
  order: number,
  frequencyHz: number,
  sampleRateHz: number,
): Biquad[] {
  const sections: Biquad[] = [];
  for (let k = 1; k <= order / 2; k += 1) {
    const q = 1 / (2 * Math.cos(((2 * k - 1) * Math.PI) / (2 * order)));
    sections.push(designBiquad(kind, frequencyHz, sampleRateHz, q));
  }
  return sections;
}

/** Runs `samples` through the sections in turn (transposed direct form II, zero initial state). */
export function filterCascade(samples: Float32Array, sections: readonly Biquad[]): Float32Array {
  const work = Float64Array.from(samples);
  for (const { b0, b1, b2, a1, a2 } of sections) {
    let s1 = 0;
    let s2 = 0;
    for (let i = 0; i < work.length; i += 1) {
      const x = work[i] as number;
      const y = b0 * x + s1;
      s1 = b1 * x - a1 * y + s2;
      s2 = b2 * x - a2 * y;
      work[i] = y;
    }
  }
  return Float32Array.from(work);
}
