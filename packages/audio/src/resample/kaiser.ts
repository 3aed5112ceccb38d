// Kaiser-window design formulas (Kaiser 1974; Oppenheim & Schafer, Discrete-Time Signal
// Processing, §7.6). The window trades main-lobe width for side-lobe level through one parameter,
// β, and for a given stopband attenuation A the needed length follows from the transition width.

/** The modified Bessel function of the first kind, order zero, by its power series. */
export function besselI0(x: number): number {
  const halfX = x / 2;
  let term = 1;
  let sum = 1;
  for (let k = 1; k < 1000; k += 1) {
    const factor = halfX / k;
    term *= factor * factor;
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return sum;
}

/** Kaiser's β for a stopband attenuation of `attenuationDb` dB. */
export function kaiserBeta(attenuationDb: number): number {
  if (attenuationDb > 50) return 0.1102 * (attenuationDb - 8.7);
  if (attenuationDb >= 21) {
    return 0.5842 * (attenuationDb - 21) ** 0.4 + 0.07886 * (attenuationDb - 21);
  }
  return 0;
}

/**
 * Filter span, in samples, that reaches `attenuationDb` with a transition band of
 * `transitionCyclesPerSample` (a fraction of the sample rate): N = (A − 7.95) / (2.285 · Δω).
 */
export function kaiserSpanSamples(
  attenuationDb: number,
  transitionCyclesPerSample: number,
): number {
  return (attenuationDb - 7.95) / (2.285 * 2 * Math.PI * transitionCyclesPerSample);
}

/** The Kaiser window at `position` ∈ [−1, 1] (0 at the centre); 0 outside. */
export function kaiserWindow(position: number, beta: number, i0OfBeta = besselI0(beta)): number {
  if (position <= -1 || position >= 1) return 0;
  return besselI0(beta * Math.sqrt(1 - position * position)) / i0OfBeta;
}
