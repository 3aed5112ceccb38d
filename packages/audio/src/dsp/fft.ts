// A general in-place complex FFT for power-of-two lengths (iterative radix-2, decimation in
// time), with the bit-reversal permutation and twiddle factors computed once per length.
// Used by FFT convolution (reverberation); any other spectral code in the package can share it.

export interface Fft {
  /** The transform length, a power of two. */
  readonly size: number;
  /**
   * Transforms `real`/`imag` (each `size` long) in place: X[k] = Σ x[n]·e^(−2πi·kn/size).
   * With `inverse`, computes x[n] = (1/size)·Σ X[k]·e^(+2πi·kn/size).
   */
  transform(real: Float64Array, imag: Float64Array, inverse?: boolean): void;
}

/** True when `n` is a power of two (1, 2, 4, …). */
export function isPowerOfTwo(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && (n & (n - 1)) === 0;
}

/** The smallest power of two ≥ `n` (n ≥ 1). */
export function nextPowerOfTwo(n: number): number {
  let size = 1;
  while (size < n) size *= 2;
  return size;
}

/** An FFT of length `size` (a power of two, at most 2^26). */
export function createFft(size: number): Fft {
  if (!isPowerOfTwo(size) || size > 2 ** 26) {
    throw new RangeError(`FFT size must be a power of two in [1, 2^26], got ${size}`);
  }
  const bits = Math.round(Math.log2(size));
  const reversed = new Uint32Array(size);
  for (let i = 0; i < size; i += 1) {
    let r = 0;
    for (let b = 0; b < bits; b += 1) r |= ((i >>> b) & 1) << (bits - 1 - b);
    reversed[i] = r;
  }
  // cos and sin of 2πk/size for k < size/2.
  const half = size / 2;
  const cosTable = new Float64Array(half);
  const sinTable = new Float64Array(half);
  for (let k = 0; k < half; k += 1) {
    cosTable[k] = Math.cos((2 * Math.PI * k) / size);
    sinTable[k] = Math.sin((2 * Math.PI * k) / size);
  }

  const transform = (real: Float64Array, imag: Float64Array, inverse = false): void => {
    if (real.length !== size || imag.length !== size) {
      throw new RangeError(
        `FFT of size ${size} needs arrays of that length, got ${real.length} and ${imag.length}`,
      );
    }
    for (let i = 0; i < size; i += 1) {
      const j = reversed[i] as number;
      if (j > i) {
        const re = real[i] as number;
        real[i] = real[j] as number;
        real[j] = re;
        const im = imag[i] as number;
        imag[i] = imag[j] as number;
        imag[j] = im;
      }
    }
    const sign = inverse ? 1 : -1;
    for (let length = 2; length <= size; length *= 2) {
      const halfLength = length / 2;
      const stride = size / length;
      // Twiddle outermost: one table read per twiddle and stage, not per butterfly.
      for (let k = 0; k < halfLength; k += 1) {
        const wr = cosTable[k * stride] as number;
        const wi = sign * (sinTable[k * stride] as number);
        for (let a = k; a < size; a += length) {
          const b = a + halfLength;
          const br = real[b] as number;
          const bi = imag[b] as number;
          const tr = br * wr - bi * wi;
          const ti = br * wi + bi * wr;
          const ar = real[a] as number;
          const ai = imag[a] as number;
          real[b] = ar - tr;
          imag[b] = ai - ti;
          real[a] = ar + tr;
          imag[a] = ai + ti;
        }
      }
    }
    if (inverse) {
      const scale = 1 / size;
      for (let i = 0; i < size; i += 1) {
        real[i] = (real[i] as number) * scale;
        imag[i] = (imag[i] as number) * scale;
      }
    }
  };

  return { size, transform };
}
