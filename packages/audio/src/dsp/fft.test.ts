import { describe, expect, it } from "vitest";
import { createFft, nextPowerOfTwo } from "./fft.js";

function naiveDft(real: Float64Array, imag: Float64Array): [Float64Array, Float64Array] {
  const n = real.length;
  const outReal = new Float64Array(n);
  const outImag = new Float64Array(n);
  for (let k = 0; k < n; k += 1) {
    for (let t = 0; t < n; t += 1) {
      const angle = (-2 * Math.PI * k * t) / n;
      outReal[k] =
        (outReal[k] as number) +
        (real[t] as number) * Math.cos(angle) -
        (imag[t] as number) * Math.sin(angle);
      outImag[k] =
        (outImag[k] as number) +
        (real[t] as number) * Math.sin(angle) +
        (imag[t] as number) * Math.cos(angle);
    }
  }
  return [outReal, outImag];
}

describe("createFft", () => {
  it("matches a direct DFT and inverts back, for sizes 1 to 256", () => {
    for (const size of [1, 2, 4, 8, 64, 256]) {
      const real = Float64Array.from({ length: size }, (_, i) => Math.sin(i * 1.7) + (i % 3));
      const imag = Float64Array.from({ length: size }, (_, i) => Math.cos(i * 0.3) - 0.5);
      const [expectedReal, expectedImag] = naiveDft(real, imag);
      const fft = createFft(size);
      const re = real.slice();
      const im = imag.slice();
      fft.transform(re, im);
      for (let k = 0; k < size; k += 1) {
        expect(re[k]).toBeCloseTo(expectedReal[k] as number, 9);
        expect(im[k]).toBeCloseTo(expectedImag[k] as number, 9);
      }
      fft.transform(re, im, true);
      for (let i = 0; i < size; i += 1) {
        expect(re[i]).toBeCloseTo(real[i] as number, 12);
        expect(im[i]).toBeCloseTo(imag[i] as number, 12);
      }
    }
  });

  it("rejects lengths that are not powers of two, and rounds sizes up", () => {
    expect(() => createFft(12)).toThrow(/power of two/);
    expect(() => createFft(0)).toThrow(RangeError);
    expect(() => createFft(8).transform(new Float64Array(4), new Float64Array(4))).toThrow(
      /size 8/,
    );
    expect(nextPowerOfTwo(1)).toBe(1);
    expect(nextPowerOfTwo(1000)).toBe(1024);
    expect(nextPowerOfTwo(1024)).toBe(1024);
  });
});
