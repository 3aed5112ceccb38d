/**
 * A seed for a tfjs random op, derived from a run's seed and a stream number. Never 0: tfjs's
 * normal and truncated-normal draws (heNormal, randomNormal) treat a seed of 0 as "no seed" and
 * fall back to Math.random, which silently made seed 0 — the default — irreproducible.
 */
export function tfjsSeed(seed: number, stream: number): number {
  // Kept well inside 2^31 so tfjs's seedrandom sees the same integer string on every platform.
  return ((Math.abs(Math.trunc(seed)) * 1_000_003 + stream) % 2_147_483_000) + 1;
}
