// Test-only measurements of synthesized speech. Excluded from the build (tsconfig.build.json).

export function rms(samples: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < samples.length; i += 1) sum += (samples[i] ?? 0) ** 2;
  return Math.sqrt(sum / Math.max(1, samples.length));
}

/** RMS of a − b over their common length, relative to the RMS of a. */
export function relativeDifference(a: Float32Array, b: Float32Array): number {
  const length = Math.min(a.length, b.length);
  const difference = Float32Array.from({ length }, (_, i) => (a[i] ?? 0) - (b[i] ?? 0));
  return rms(difference) / rms(a.subarray(0, length));
}

/**
 * Median fundamental frequency of the loud (voiced) 40 ms frames, from the lag of each frame's
 * strongest normalised autocorrelation between 60 and 500 Hz.
 */
export function medianPitchHz(samples: Float32Array, sampleRateHz: number): number {
  const frame = Math.round(0.04 * sampleRateHz);
  const hop = Math.round(0.01 * sampleRateHz);
  const minLag = Math.floor(sampleRateHz / 500);
  const maxLag = Math.ceil(sampleRateHz / 60);
  const frames: Float32Array[] = [];
  for (let start = 0; start + frame + maxLag <= samples.length; start += hop) {
    frames.push(samples.subarray(start, start + frame + maxLag));
  }
  const loudest = Math.max(...frames.map((f) => rms(f.subarray(0, frame))));
  const pitches: number[] = [];
  for (const f of frames) {
    if (rms(f.subarray(0, frame)) < 0.3 * loudest) continue;
    let bestLag = 0;
    let best = 0;
    for (let lag = minLag; lag <= maxLag; lag += 1) {
      let dot = 0;
      let energyA = 0;
      let energyB = 0;
      for (let i = 0; i < frame; i += 1) {
        const a = f[i] ?? 0;
        const b = f[i + lag] ?? 0;
        dot += a * b;
        energyA += a * a;
        energyB += b * b;
      }
      const score = dot / Math.sqrt(energyA * energyB || 1);
      if (score > best) {
        best = score;
        bestLag = lag;
      }
    }
    if (best > 0.5) pitches.push(sampleRateHz / bestLag);
  }
  pitches.sort((x, y) => x - y);
  return pitches[Math.floor(pitches.length / 2)] ?? Number.NaN;
}
