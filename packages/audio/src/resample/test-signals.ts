// Signals and measurements for the resampling and augmentation tests (not part of the build).
import { createFft, nextPowerOfTwo } from "../dsp/fft.js";

/** A sine of `frequencyHz` and peak `amplitude`, `seconds` long at `sampleRateHz`. */
export function tone(
  frequencyHz: number,
  sampleRateHz: number,
  seconds: number,
  amplitude = 0.5,
  phase = 0.3,
): Float32Array {
  const length = Math.round(seconds * sampleRateHz);
  const samples = new Float32Array(length);
  for (let i = 0; i < length; i += 1) {
    samples[i] = amplitude * Math.sin((2 * Math.PI * frequencyHz * i) / sampleRateHz + phase);
  }
  return samples;
}

/** Root mean square of `samples[start, end)`. */
export function rms(samples: Float32Array, start = 0, end = samples.length): number {
  let sum = 0;
  for (let i = start; i < end; i += 1) sum += (samples[i] as number) ** 2;
  return Math.sqrt(sum / Math.max(1, end - start));
}

export function power(samples: Float32Array): number {
  return rms(samples) ** 2;
}

export function decibels(ratio: number): number {
  return 20 * Math.log10(ratio);
}

/** The middle of a signal with `fraction` of its length cut from each end. */
export function middle(samples: Float32Array, fraction = 0.1): Float32Array {
  const cut = Math.floor(samples.length * fraction);
  return samples.subarray(cut, samples.length - cut);
}

/**
 * Frequency of the strongest tone: the peak of a zero-padded FFT magnitude (Hann window),
 * refined by golden-section search on the windowed DTFT; accurate to well below 0.01 Hz for a
 * clean tone of a few thousand samples.
 */
export function dominantFrequency(samples: Float32Array, sampleRateHz: number): number {
  const n = samples.length;
  const windowed = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    windowed[i] = (samples[i] as number) * (0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (n - 1)));
  }
  const magnitude = (frequencyHz: number): number => {
    const w = (2 * Math.PI * frequencyHz) / sampleRateHz;
    let re = 0;
    let im = 0;
    const cosStep = Math.cos(w);
    const sinStep = Math.sin(w);
    let c = 1;
    let s = 0;
    for (let i = 0; i < n; i += 1) {
      const x = windowed[i] as number;
      re += x * c;
      im -= x * s;
      const nextC = c * cosStep - s * sinStep;
      s = s * cosStep + c * sinStep;
      c = nextC;
    }
    return Math.hypot(re, im);
  };
  // Coarse peak from a 4× zero-padded FFT, then golden-section refinement around it.
  const size = nextPowerOfTwo(4 * n);
  const real = new Float64Array(size);
  const imag = new Float64Array(size);
  real.set(windowed);
  createFft(size).transform(real, imag);
  let bestBin = 1;
  let bestValue = -1;
  for (let k = 1; k < size / 2; k += 1) {
    const value = Math.hypot(real[k] as number, imag[k] as number);
    if (value > bestValue) {
      bestValue = value;
      bestBin = k;
    }
  }
  const step = sampleRateHz / size;
  const best = bestBin * step;
  let low = best - step;
  let high = best + step;
  const ratio = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 40; i += 1) {
    const a = high - ratio * (high - low);
    const b = low + ratio * (high - low);
    if (magnitude(a) > magnitude(b)) high = b;
    else low = a;
  }
  return (low + high) / 2;
}

/** Amplitude of the sinusoid of `frequencyHz` that best fits `samples` (least squares). */
export function toneAmplitude(
  samples: Float32Array,
  frequencyHz: number,
  sampleRateHz: number,
): number {
  let cc = 0;
  let ss = 0;
  let cs = 0;
  let xc = 0;
  let xs = 0;
  for (let i = 0; i < samples.length; i += 1) {
    const angle = (2 * Math.PI * frequencyHz * i) / sampleRateHz;
    const c = Math.cos(angle);
    const s = Math.sin(angle);
    const x = samples[i] as number;
    cc += c * c;
    ss += s * s;
    cs += c * s;
    xc += x * c;
    xs += x * s;
  }
  const determinant = cc * ss - cs * cs;
  const a = (xc * ss - xs * cs) / determinant;
  const b = (xs * cc - xc * cs) / determinant;
  return Math.hypot(a, b);
}

/** Seeded white noise in [−amplitude, amplitude) from a tiny LCG (tests only). */
export function whiteNoise(length: number, seed: number, amplitude = 0.5): Float32Array {
  const samples = new Float32Array(length);
  let state = seed >>> 0;
  for (let i = 0; i < length; i += 1) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    samples[i] = amplitude * (2 * (state / 2 ** 32) - 1);
  }
  return samples;
}
