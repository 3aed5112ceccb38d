import { describe, expect, it } from "vitest";
import { createSeededRandom } from "../random/seeded-random.js";
import { RealFft } from "./real-fft.js";
import { centreInFrame, periodicHann } from "./window.js";

/** |Σ w[n]·x[n]·e^(−2πikn/N)|² for every k = 0…N/2, directly. */
function directPower(samples: Float32Array, start: number, window: Float64Array): Float64Array {
  const size = window.length;
  const power = new Float64Array(size / 2 + 1);
  for (let k = 0; k <= size / 2; k += 1) {
    let re = 0;
    let im = 0;
    for (let n = 0; n < size; n += 1) {
      const x = (samples[start + n] as number) * (window[n] as number);
      const angle = (2 * Math.PI * ((k * n) % size)) / size;
      re += x * Math.cos(angle);
      im -= x * Math.sin(angle);
    }
    power[k] = re * re + im * im;
  }
  return power;
}

describe("RealFft", () => {
  // Sizes that exercise every pass layout: the fused first pass alone (8), a trailing single
  // radix-2 stage (16, 64, 1024) and fused pairs only (32, 128, 512).
  for (const size of [8, 16, 32, 64, 128, 512, 1024]) {
    it(`gives the power spectrum of a windowed real frame of ${size} samples`, () => {
      const random = createSeededRandom(`fft ${size}`);
      const samples = Float32Array.from(
        { length: size + 37 },
        () => (random.next() * 2 - 1) * 30_000,
      );
      const window = centreInFrame(periodicHann(Math.round(size * 0.78)), size);
      const fft = new RealFft(size, window);
      const power = new Float64Array(size / 2 + 1);
      fft.scaledPowerSpectrum(samples, 37, power, 0, size / 2);
      const expected = directPower(samples, 37, window);
      const scale = Math.max(...expected);
      for (let k = 0; k <= size / 2; k += 1) {
        expect(Math.abs((power[k] as number) / 4 - (expected[k] as number)) / scale).toBeLessThan(
          1e-12,
        );
      }
    });
  }

  it("writes only the bins asked for", () => {
    const fft = new RealFft(64);
    const power = new Float64Array(33).fill(-1);
    fft.scaledPowerSpectrum(new Float32Array(64).fill(1), 0, power, 3, 5);
    expect(Array.from(power.subarray(0, 3))).toEqual([-1, -1, -1]);
    expect(Array.from(power.subarray(6))).toEqual(new Array(27).fill(-1));
  });

  it("rejects sizes that are not powers of two >= 8 and windows of the wrong length", () => {
    expect(() => new RealFft(100)).toThrow(/power of two >= 8, got 100/);
    expect(() => new RealFft(4)).toThrow(/got 4/);
    expect(() => new RealFft(16, new Float64Array(15))).toThrow(/FFT size 16, got 15/);
  });
});
