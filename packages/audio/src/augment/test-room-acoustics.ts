// Room-acoustics measurements for the tests (not part of the build).

/**
 * Reverberation time from an impulse response by Schroeder backward integration (ISO 3382):
 * the energy decay curve EDC(t) = Σ_{τ≥t} h²(τ), in dB re its start, fitted by least squares
 * between −5 dB and −(5 + rangeDb) dB, and extrapolated to 60 dB (T20: rangeDb 20, T30: 30).
 */
export function reverberationTimeSeconds(
  response: Float32Array,
  sampleRateHz: number,
  rangeDb: 20 | 30,
): number {
  const decay = new Float64Array(response.length);
  let sum = 0;
  for (let i = response.length - 1; i >= 0; i -= 1) {
    sum += (response[i] as number) ** 2;
    decay[i] = sum;
  }
  const total = decay[0] as number;
  let n = 0;
  let sumT = 0;
  let sumL = 0;
  let sumTT = 0;
  let sumTL = 0;
  for (let i = 0; i < response.length; i += 1) {
    const level = 10 * Math.log10((decay[i] as number) / total);
    if (level > -5) continue;
    if (level < -5 - rangeDb) break;
    const t = i / sampleRateHz;
    n += 1;
    sumT += t;
    sumL += level;
    sumTT += t * t;
    sumTL += t * level;
  }
  const slopeDbPerSecond = (n * sumTL - sumT * sumL) / (n * sumTT - sumT * sumT);
  return -60 / slopeDbPerSecond;
}
