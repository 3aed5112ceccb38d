import { describe, expect, it } from "vitest";
import { AudioArgumentError } from "../errors.js";
import { createResampler, resample } from "./resampler.js";
import {
  decibels,
  dominantFrequency,
  middle,
  rms,
  tone,
  toneAmplitude,
  whiteNoise,
} from "./test-signals.js";

const AMPLITUDE = 0.5;

/** Resamples a one-second tone to 16 kHz and measures frequency and level over the middle 80 %. */
function measureTone(fromHz: number, frequencyHz: number, toHz = 16_000) {
  const output = resample(tone(frequencyHz, fromHz, 1, AMPLITUDE), fromHz, toHz);
  const steady = middle(output, 0.1);
  const measuredHz = dominantFrequency(steady, toHz);
  const levelDb = decibels(toneAmplitude(steady, measuredHz, toHz) / AMPLITUDE);
  return { output, measuredHz, levelDb };
}

function concat(parts: Float32Array[]): Float32Array {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const joined = new Float32Array(total);
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}

function streamInChunks(
  input: Float32Array,
  fromHz: number,
  toHz: number,
  chunkSizes: readonly number[],
): Float32Array {
  const resampler = createResampler(fromHz, toHz);
  const parts: Float32Array[] = [];
  let offset = 0;
  let index = 0;
  while (offset < input.length) {
    const size = chunkSizes[index % chunkSizes.length] as number;
    parts.push(resampler.push(input.subarray(offset, offset + size)));
    offset += size;
    index += 1;
  }
  parts.push(resampler.flush());
  return concat(parts);
}

describe("resample: passband tones keep frequency and level", () => {
  const cases: [number, number[]][] = [
    [8_000, [100, 1_000, 3_000]],
    [22_050, [100, 1_000, 3_000, 6_000]],
    [44_100, [100, 1_000, 3_000, 6_000]],
    [48_000, [100, 1_000, 3_000, 6_000]],
  ];
  for (const [fromHz, frequencies] of cases) {
    for (const frequencyHz of frequencies) {
      it(`${fromHz} Hz → 16 kHz, ${frequencyHz} Hz tone: within 0.5 Hz and 0.1 dB`, () => {
        const { output, measuredHz, levelDb } = measureTone(fromHz, frequencyHz);
        expect(output.length).toBe(16_000);
        expect(Math.abs(measuredHz - frequencyHz)).toBeLessThan(0.5);
        expect(Math.abs(levelDb)).toBeLessThan(0.1);
        // The design is much better than the acceptance bound: flat to 0.01 dB below 7 kHz.
        expect(Math.abs(levelDb)).toBeLessThan(0.01);
      });
    }
  }

  it("adds no delay: output sample n is the input's value at time n / 16000", () => {
    const fromHz = 44_100;
    const output = resample(tone(1_000, fromHz, 1, AMPLITUDE, 0.3), fromHz);
    const expected = tone(1_000, 16_000, 1, AMPLITUDE, 0.3);
    let worst = 0;
    for (let i = 1_600; i < 14_400; i += 1) {
      worst = Math.max(worst, Math.abs((output[i] as number) - (expected[i] as number)));
    }
    expect(worst).toBeLessThan(1e-4);
  });

  it("upsampling 16 kHz → 48 kHz keeps a 5 kHz tone and leaves no image above 8 kHz", () => {
    const { output, measuredHz, levelDb } = measureTone(16_000, 5_000, 48_000);
    expect(output.length).toBe(48_000);
    expect(Math.abs(measuredHz - 5_000)).toBeLessThan(0.5);
    expect(Math.abs(levelDb)).toBeLessThan(0.01);
    const steady = middle(output, 0.1);
    const imageDb = decibels(toneAmplitude(steady, 11_000, 48_000) / AMPLITUDE);
    expect(imageDb).toBeLessThan(-60);
  });

  it("8 kHz → 16 kHz leaves no image of a 3 kHz tone at 5 kHz", () => {
    const { output } = measureTone(8_000, 3_000);
    const imageDb = decibels(toneAmplitude(middle(output, 0.1), 5_000, 16_000) / AMPLITUDE);
    expect(imageDb).toBeLessThan(-60);
  });

  it("handles ratios that are not small fractions (44 101 Hz, 17 600.5 Hz) through the interpolated table", () => {
    for (const fromHz of [44_101, 17_600.5]) {
      const { output, measuredHz, levelDb } = measureTone(fromHz, 1_234);
      expect(output.length).toBe(16_000);
      expect(Math.abs(measuredHz - 1_234)).toBeLessThan(0.5);
      expect(Math.abs(levelDb)).toBeLessThan(0.01);
    }
  });
});

describe("resample: anti-aliasing", () => {
  for (const [fromHz, frequencyHz] of [
    [48_000, 8_500],
    [48_000, 9_000],
    [48_000, 12_000],
    [48_000, 20_000],
    [44_100, 9_000],
    [44_100, 15_000],
    [22_050, 9_000],
  ] as const) {
    it(`a ${frequencyHz} Hz tone at ${fromHz} Hz is at least 60 dB down after resampling to 16 kHz`, () => {
      const input = tone(frequencyHz, fromHz, 1, AMPLITUDE);
      const output = resample(input, fromHz);
      const attenuationDb = decibels(rms(middle(output, 0.1)) / rms(middle(input, 0.1)));
      expect(attenuationDb).toBeLessThan(-60);
      // The Kaiser design aims at 80 dB from 8 kHz up.
      expect(attenuationDb).toBeLessThan(-78);
    });
  }
});

describe("resample: lengths, identity and errors", () => {
  it("returns round(length · to / from) samples, rounding halves up", () => {
    const lengthFor = (length: number, fromHz: number, toHz: number) =>
      resample(new Float32Array(length), fromHz, toHz).length;
    expect(lengthFor(0, 48_000, 16_000)).toBe(0);
    expect(lengthFor(1, 48_000, 16_000)).toBe(0);
    expect(lengthFor(2, 48_000, 16_000)).toBe(1);
    expect(lengthFor(3, 48_000, 16_000)).toBe(1);
    expect(lengthFor(1, 44_100, 16_000)).toBe(0);
    expect(lengthFor(2, 44_100, 16_000)).toBe(1);
    expect(lengthFor(441, 44_100, 16_000)).toBe(160);
    expect(lengthFor(44_100, 44_100, 16_000)).toBe(16_000);
    expect(lengthFor(1, 8_000, 16_000)).toBe(2);
    expect(lengthFor(12_345, 22_050, 16_000)).toBe(Math.round((12_345 * 16_000) / 22_050));
    for (let length = 0; length < 50; length += 1) {
      expect(lengthFor(length, 48_000, 44_100)).toBe(Math.round((length * 44_100) / 48_000));
    }
  });

  it("copies when the rates are equal", () => {
    const input = whiteNoise(1000, 3);
    const output = resample(input, 16_000, 16_000);
    expect(output).not.toBe(input);
    expect(output).toEqual(input);
  });

  it("refuses ratios whose filter would be unreasonably long", () => {
    expect(() => resample(new Float32Array(10), 768_000, 100)).toThrow(/too far apart/);
    expect(resample(new Float32Array(7_680), 768_000, 1_000).length).toBe(10);
  });

  it("defaults to 16 kHz output", () => {
    expect(resample(new Float32Array(4_800), 48_000).length).toBe(1_600);
  });

  it("throws typed errors for bad rates, non-finite samples and bad options", () => {
    const input = new Float32Array(100);
    for (const bad of [0, -16_000, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => resample(input, bad)).toThrow(AudioArgumentError);
      expect(() => resample(input, 48_000, bad)).toThrow(/toHz must be a finite positive/);
      try {
        resample(input, bad);
      } catch (error) {
        expect((error as AudioArgumentError).code).toBe("BAD_SAMPLE_RATE");
      }
    }
    const withNaN = new Float32Array(10);
    withNaN[7] = Number.NaN;
    expect(() => resample(withNaN, 48_000)).toThrow(/samples\[7\] is NaN|chunk\[7\] is NaN/);
    try {
      resample(withNaN, 16_000, 16_000);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AudioArgumentError);
      expect((error as AudioArgumentError).code).toBe("NON_FINITE_SAMPLES");
    }
    expect(() => resample(input, 48_000, 16_000, { passbandFraction: 1 })).toThrow(
      /passbandFraction/,
    );
    expect(() => resample(input, 48_000, 16_000, { stopbandAttenuationDb: 10 })).toThrow(
      AudioArgumentError,
    );
  });
});

describe("createResampler: streaming equals one-shot", () => {
  const input = whiteNoise(20_011, 11);
  for (const [fromHz, toHz] of [
    [48_000, 16_000],
    [44_100, 16_000],
    [22_050, 16_000],
    [8_000, 16_000],
    [16_000, 44_100],
    [44_101, 16_000],
  ] as const) {
    it(`${fromHz} Hz → ${toHz} Hz, chunk sizes 1, 7, 160, 441, 1280, 4000, mixed`, () => {
      const oneShot = resample(input, fromHz, toHz);
      const chunkings: number[][] = [
        [1],
        [7],
        [160],
        [441],
        [1_280],
        [4_000],
        [3, 0, 999, 1, 4_096],
      ];
      for (const sizes of chunkings) {
        if (sizes[0] === 1 && fromHz !== 48_000) continue; // one-sample chunks: once is enough
        const streamed = streamInChunks(input, fromHz, toHz, sizes);
        expect(streamed.length).toBe(oneShot.length);
        expect(streamed).toEqual(oneShot);
      }
    });
  }

  it("yields output as input arrives, at most its latency behind, and is reusable after flush", () => {
    const resampler = createResampler(48_000, 16_000);
    expect(resampler.latencyInputSamples).toBeGreaterThan(0);
    const first = resampler.push(input.subarray(0, 1_280 * 3));
    const behindInput = 1_280 * 3 - (first.length * 48_000) / 16_000;
    expect(first.length).toBeGreaterThan(0);
    expect(behindInput).toBeLessThanOrEqual(resampler.latencyInputSamples + 3);
    const firstRun = concat([first, resampler.push(input.subarray(1_280 * 3)), resampler.flush()]);
    const secondRun = concat([resampler.push(input), resampler.flush()]);
    expect(secondRun).toEqual(firstRun);
    expect(firstRun).toEqual(resample(input, 48_000, 16_000));
  });

  it("checks each chunk for non-finite samples", () => {
    const resampler = createResampler(48_000);
    expect(() => resampler.push(new Float32Array([0, Number.POSITIVE_INFINITY]))).toThrow(
      /chunk\[1\] is Infinity/,
    );
  });
});
