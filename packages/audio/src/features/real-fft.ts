// A real-input FFT for power-of-two sizes, written for the log-mel hot loop. The N real samples
// are packed into an N/2-point complex FFT (even samples as real parts, odd as imaginary parts),
// transformed by an iterative decimation-in-time FFT whose radix-2 stages run fused in pairs
// (radix-2², one pass over memory per two stages), and split back into the spectrum of the real
// signal. Windowing and the bit-reversal permutation happen inside the first pass, which reads
// the samples directly. Tables and work buffers are allocated once.

export class RealFft {
  /** Real samples per transform. */
  readonly size: number;
  private readonly half: number;
  /** For the first pass: q → the (log2(N/2) − 2)-bit reversal of q. */
  private readonly firstPassSource: Int32Array;
  /** The window split like the samples: even taps and odd taps, N/2 each. */
  private readonly windowEven: Float64Array;
  private readonly windowOdd: Float64Array;
  /** Twiddles of every radix-2 stage, packed: the stage of span h keeps cos/sin(πj/h) at h + j. */
  private readonly stageCos: Float64Array;
  private readonly stageSin: Float64Array;
  /** cos/sin(2πk/size) for splitting the packed transform into the real signal's spectrum. */
  private readonly splitCos: Float64Array;
  private readonly splitSin: Float64Array;
  private readonly re: Float64Array;
  private readonly im: Float64Array;

  /** `window` (length `size`, default all ones) multiplies every frame before the transform. */
  constructor(size: number, window?: Float64Array) {
    if (!Number.isInteger(size) || size < 8 || (size & (size - 1)) !== 0) {
      throw new RangeError(`FFT size must be a power of two >= 8, got ${size}`);
    }
    if (window !== undefined && window.length !== size) {
      throw new RangeError(`window length must equal the FFT size ${size}, got ${window.length}`);
    }
    this.size = size;
    const half = size / 2;
    this.half = half;
    this.re = new Float64Array(half);
    this.im = new Float64Array(half);

    this.windowEven = new Float64Array(half);
    this.windowOdd = new Float64Array(half);
    for (let n = 0; n < half; n += 1) {
      this.windowEven[n] = window === undefined ? 1 : (window[2 * n] as number);
      this.windowOdd[n] = window === undefined ? 1 : (window[2 * n + 1] as number);
    }

    const bits = Math.log2(half) - 2;
    this.firstPassSource = new Int32Array(half / 4);
    for (let q = 0; q < half / 4; q += 1) {
      let reversed = 0;
      for (let bit = 0; bit < bits; bit += 1) reversed |= ((q >> bit) & 1) << (bits - 1 - bit);
      this.firstPassSource[q] = reversed;
    }

    this.stageCos = new Float64Array(half);
    this.stageSin = new Float64Array(half);
    for (let span = 1; span < half; span *= 2) {
      for (let j = 0; j < span; j += 1) {
        this.stageCos[span + j] = Math.cos((Math.PI * j) / span);
        this.stageSin[span + j] = Math.sin((Math.PI * j) / span);
      }
    }

    this.splitCos = new Float64Array(half + 1);
    this.splitSin = new Float64Array(half + 1);
    for (let k = 0; k <= half; k += 1) {
      this.splitCos[k] = Math.cos((2 * Math.PI * k) / size);
      this.splitSin[k] = Math.sin((2 * Math.PI * k) / size);
    }
  }

  /**
   * Writes 4·|X[k]|² for k = firstBin…lastBin into `power[k]`, where X is the DFT of the
   * windowed frame `samples[start … start + size)` (X[k] = Σ w[n]·x[n]·e^(−2πikn/size)). The
   * factor 4 (exact in binary floating point) saves two halvings per bin; callers fold 1/4 into
   * their weights.
   */
  scaledPowerSpectrum(
    samples: Float32Array,
    start: number,
    power: Float64Array,
    firstBin: number,
    lastBin: number,
  ): void {
    this.loadAndTransform(samples, start);

    const { re, im, half, splitCos, splitSin } = this;
    const mask = half - 1;
    for (let k = firstBin; k <= lastBin; k += 1) {
      const ar = re[k & mask] as number;
      const ai = im[k & mask] as number;
      const mirror = (half - k) & mask;
      const br = re[mirror] as number;
      const bi = -(im[mirror] as number);
      // Twice the spectra of the even and the odd samples: E = Z[k] + conj(Z[half − k]),
      // O = (Z[k] − conj(Z[half − k])) / i; then 2·X[k] = E + e^(−2πik/size)·O.
      const evenRe = ar + br;
      const evenIm = ai + bi;
      const oddRe = ai - bi;
      const oddIm = br - ar;
      const c = splitCos[k] as number;
      const s = splitSin[k] as number;
      const xRe = evenRe + c * oddRe + s * oddIm;
      const xIm = evenIm + c * oddIm - s * oddRe;
      power[k] = xRe * xRe + xIm * xIm;
    }
  }

  /**
   * Loads the windowed frame as N/2 packed complex values and transforms them in place. The
   * first pass (spans 1 and 2, trivial twiddles 1 and −i) reads its four inputs straight from
   * the samples: after bit reversal, positions 4q … 4q + 3 hold packed inputs
   * r, r + N/4, r + N/8, r + 3N/8 with r = the bit reversal of q — so no separate permutation.
   */
  private loadAndTransform(samples: Float32Array, start: number): void {
    const { re, im, half, firstPassSource, windowEven, windowOdd, stageCos, stageSin } = this;
    const quarter = half / 4;
    for (let q = 0; q < quarter; q += 1) {
      const n0 = firstPassSource[q] as number;
      const n1 = n0 + 2 * quarter;
      const n2 = n0 + quarter;
      const n3 = n1 + quarter;
      const at0 = start + 2 * n0;
      const at1 = start + 2 * n1;
      const at2 = start + 2 * n2;
      const at3 = start + 2 * n3;
      const r0 = (samples[at0] as number) * (windowEven[n0] as number);
      const i0 = (samples[at0 + 1] as number) * (windowOdd[n0] as number);
      const r1 = (samples[at1] as number) * (windowEven[n1] as number);
      const i1 = (samples[at1 + 1] as number) * (windowOdd[n1] as number);
      const r2 = (samples[at2] as number) * (windowEven[n2] as number);
      const i2 = (samples[at2 + 1] as number) * (windowOdd[n2] as number);
      const r3 = (samples[at3] as number) * (windowEven[n3] as number);
      const i3 = (samples[at3 + 1] as number) * (windowOdd[n3] as number);
      const s01r = r0 + r1;
      const s01i = i0 + i1;
      const d01r = r0 - r1;
      const d01i = i0 - i1;
      const s23r = r2 + r3;
      const s23i = i2 + i3;
      // (r2 − r3, i2 − i3) times −i:
      const d23r = i2 - i3;
      const d23i = r3 - r2;
      const a = 4 * q;
      re[a] = s01r + s23r;
      im[a] = s01i + s23i;
      re[a + 2] = s01r - s23r;
      im[a + 2] = s01i - s23i;
      re[a + 1] = d01r + d23r;
      im[a + 1] = d01i + d23i;
      re[a + 3] = d01r - d23r;
      im[a + 3] = d01i - d23i;
    }
    let span = 4;
    // Two radix-2 stages per pass: span h (twiddle e^(−iπj/h)) then span 2h (e^(−iπj/2h), and
    // for the odd pair that times −i). Four points a, a+h, a+2h, a+3h stay in registers.
    for (; span * 2 < half; span *= 4) {
      const h = span;
      const block = 4 * h;
      // j = 0: every twiddle is 1 (and −i), so no multiplications.
      for (let a = 0; a < half; a += block) {
        const b = a + h;
        const c = b + h;
        const d = c + h;
        const x0r = re[a] as number;
        const x0i = im[a] as number;
        const x1r = re[b] as number;
        const x1i = im[b] as number;
        const x2r = re[c] as number;
        const x2i = im[c] as number;
        const x3r = re[d] as number;
        const x3i = im[d] as number;
        const y0r = x0r + x1r;
        const y0i = x0i + x1i;
        const y1r = x0r - x1r;
        const y1i = x0i - x1i;
        const y2r = x2r + x3r;
        const y2i = x2i + x3i;
        // −i·(x2 − x3)
        const u3r = x2i - x3i;
        const u3i = x3r - x2r;
        re[a] = y0r + y2r;
        im[a] = y0i + y2i;
        re[c] = y0r - y2r;
        im[c] = y0i - y2i;
        re[b] = y1r + u3r;
        im[b] = y1i + u3i;
        re[d] = y1r - u3r;
        im[d] = y1i - u3i;
      }
      for (let j = 1; j < h; j += 1) {
        const c1 = stageCos[h + j] as number;
        const s1 = stageSin[h + j] as number;
        const c2 = stageCos[2 * h + j] as number;
        const s2 = stageSin[2 * h + j] as number;
        for (let a = j; a < half; a += block) {
          const b = a + h;
          const c = b + h;
          const d = c + h;
          const x0r = re[a] as number;
          const x0i = im[a] as number;
          const x1r = re[b] as number;
          const x1i = im[b] as number;
          const x2r = re[c] as number;
          const x2i = im[c] as number;
          const x3r = re[d] as number;
          const x3i = im[d] as number;
          // First stage: (x0, x1) and (x2, x3) with twiddle (c1 − i·s1).
          const t1r = x1r * c1 + x1i * s1;
          const t1i = x1i * c1 - x1r * s1;
          const t3r = x3r * c1 + x3i * s1;
          const t3i = x3i * c1 - x3r * s1;
          const y0r = x0r + t1r;
          const y0i = x0i + t1i;
          const y1r = x0r - t1r;
          const y1i = x0i - t1i;
          const y2r = x2r + t3r;
          const y2i = x2i + t3i;
          const y3r = x2r - t3r;
          const y3i = x2i - t3i;
          // Second stage: (y0, y2) with twiddle (c2 − i·s2); (y1, y3) with that times −i.
          const u2r = y2r * c2 + y2i * s2;
          const u2i = y2i * c2 - y2r * s2;
          const v3r = y3r * c2 + y3i * s2;
          const v3i = y3i * c2 - y3r * s2;
          // −i·(v3r + i·v3i) = v3i − i·v3r
          const u3r = v3i;
          const u3i = -v3r;
          re[a] = y0r + u2r;
          im[a] = y0i + u2i;
          re[c] = y0r - u2r;
          im[c] = y0i - u2i;
          re[b] = y1r + u3r;
          im[b] = y1i + u3i;
          re[d] = y1r - u3r;
          im[d] = y1i - u3i;
        }
      }
    }
    // A last single radix-2 stage when the stage count after the first pair is odd.
    for (; span < half; span *= 2) {
      const size = span * 2;
      for (let j = 0; j < span; j += 1) {
        const c = stageCos[span + j] as number;
        const s = stageSin[span + j] as number;
        for (let a = j; a < half; a += size) {
          const b = a + span;
          const br = re[b] as number;
          const bi = im[b] as number;
          const tr = br * c + bi * s;
          const ti = bi * c - br * s;
          const ar = re[a] as number;
          const ai = im[a] as number;
          re[b] = ar - tr;
          im[b] = ai - ti;
          re[a] = ar + tr;
          im[a] = ai + ti;
        }
      }
    }
  }
}
