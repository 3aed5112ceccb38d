import { describe, expect, it } from "vitest";
import { AudioArgumentError } from "../errors.js";
import {
  decibels,
  dominantFrequency,
  middle,
  power,
  rms,
  tone,
  toneAmplitude,
  whiteNoise,
} from "../resample/test-signals.js";
import { convolve } from "./convolve.js";
import { applyGain, peakOf } from "./gain.js";
import { mixAtSnr } from "./mix.js";
import { generateRoomImpulseResponse, reverberate } from "./room.js";
import { shiftAndPad } from "./shift.js";
import { speedPerturb } from "./speed.js";
import { muLawRoundTrip, telephoneBand } from "./telephone.js";
import { reverberationTimeSeconds } from "./test-room-acoustics.js";

const RATE = 16_000;

/** "Speech": bursts of a two-tone chord, 250 ms on and 150 ms off, over `seconds`. */
function toneBursts(seconds: number): Float32Array {
  const samples = new Float32Array(Math.round(seconds * RATE));
  for (let i = 0; i < samples.length; i += 1) {
    const inBurst = i % 6_400 < 4_000;
    if (!inBurst) continue;
    const t = i / RATE;
    samples[i] = 0.3 * Math.sin(2 * Math.PI * 220 * t) + 0.2 * Math.sin(2 * Math.PI * 1_320 * t);
  }
  return samples;
}

function expectCode(action: () => unknown, code: string): void {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(AudioArgumentError);
    expect((error as AudioArgumentError).code).toBe(code);
    return;
  }
  expect.unreachable(`expected an AudioArgumentError with code ${code}`);
}

describe("applyGain", () => {
  it("changes the measured level by the requested dB", () => {
    const input = whiteNoise(8_000, 5, 0.1);
    for (const gainDb of [-30, -6, 0, 3.5, 12]) {
      const measured = decibels(rms(applyGain(input, gainDb)) / rms(input));
      expect(Math.abs(measured - gainDb)).toBeLessThan(1e-4);
    }
  });

  it("scales down to a peak limit instead of clipping", () => {
    const input = tone(440, RATE, 0.5, 0.5);
    const limited = applyGain(input, 12, { peakLimit: 1 });
    expect(peakOf(limited)).toBeCloseTo(1, 6);
    const shape = decibels(rms(limited) / peakOf(limited)) - decibels(rms(input) / peakOf(input));
    expect(Math.abs(shape)).toBeLessThan(1e-4);
    expect(applyGain(input, 3, { peakLimit: 1 })).toEqual(applyGain(input, 3));
  });

  it("rejects non-finite gains, bad limits and NaN samples", () => {
    expectCode(() => applyGain(new Float32Array(4), Number.NaN), "BAD_ARGUMENT");
    expectCode(() => applyGain(new Float32Array(4), 0, { peakLimit: 0 }), "BAD_ARGUMENT");
    expectCode(() => applyGain(new Float32Array([0, Number.NaN]), 0), "NON_FINITE_SAMPLES");
  });
});

describe("shiftAndPad", () => {
  const input = Float32Array.from([1, 2, 3, 4, 5]);
  it("delays with leading zeros and crops the end", () => {
    expect([...shiftAndPad(input, { shiftSamples: 2 })]).toEqual([0, 0, 1, 2, 3]);
  });
  it("advances with trailing zeros", () => {
    expect([...shiftAndPad(input, { shiftSamples: -2 })]).toEqual([3, 4, 5, 0, 0]);
  });
  it("pads or crops to a target length", () => {
    expect([...shiftAndPad(input, { shiftSamples: 1, targetLength: 8 })]).toEqual([
      0, 1, 2, 3, 4, 5, 0, 0,
    ]);
    expect([...shiftAndPad(input, { shiftSamples: 0, targetLength: 3 })]).toEqual([1, 2, 3]);
    expect([...shiftAndPad(input, { shiftSamples: 9 })]).toEqual([0, 0, 0, 0, 0]);
    expect([...shiftAndPad(input, { shiftSamples: -9, targetLength: 2 })]).toEqual([0, 0]);
  });
  it("rejects fractional shifts and lengths", () => {
    expectCode(() => shiftAndPad(input, { shiftSamples: 0.5 }), "BAD_ARGUMENT");
    expectCode(() => shiftAndPad(input, { shiftSamples: 0, targetLength: -1 }), "BAD_ARGUMENT");
  });
});

describe("mixAtSnr", () => {
  const speech = toneBursts(2);
  const noise = whiteNoise(7_919, 99, 0.8); // shorter than the speech: it has to loop

  for (const snrDb of [-5, 0, 10, 30]) {
    it(`measures ${snrDb} dB SNR (speech power over added-noise power) within 0.5 dB`, () => {
      const mixed = mixAtSnr(speech, noise, snrDb, { seed: "mix" });
      expect(mixed.length).toBe(speech.length);
      const added = mixed.map((value, i) => value - (speech[i] as number));
      const measured = 10 * Math.log10(power(speech) / power(added));
      expect(Math.abs(measured - snrDb)).toBeLessThan(0.5);
      expect(Math.abs(measured - snrDb)).toBeLessThan(0.01);
    });
  }

  it("loops the noise from the given offset and crops it to the speech", () => {
    const shortSpeech = Float32Array.from([1, 1, 1, 1, 1]);
    const ramp = Float32Array.from([1, 2, 3]);
    const mixed = mixAtSnr(shortSpeech, ramp, 0, { seed: 1, offset: 2 });
    // Noise read: 3, 1, 2, 3, 1 (power 24/5) scaled to the speech's power 1.
    const scale = Math.sqrt(1 / (24 / 5));
    const expected = [3, 1, 2, 3, 1].map((value) => 1 + scale * value);
    mixed.forEach((value, i) => expect(value).toBeCloseTo(expected[i] as number, 6));
  });

  it("is deterministic for a seed, and another seed starts the noise elsewhere", () => {
    const a = mixAtSnr(speech, noise, 5, { seed: 7 });
    expect(mixAtSnr(speech, noise, 5, { seed: 7 })).toEqual(a);
    expect(mixAtSnr(speech, noise, 5, { seed: 8 })).not.toEqual(a);
  });

  it("throws SILENT_SIGNAL for silent speech or silent noise, BAD_ARGUMENT for a bad offset", () => {
    expectCode(() => mixAtSnr(new Float32Array(100), noise, 0, { seed: 1 }), "SILENT_SIGNAL");
    expectCode(() => mixAtSnr(speech, new Float32Array(100), 0, { seed: 1 }), "SILENT_SIGNAL");
    expectCode(() => mixAtSnr(speech, new Float32Array(0), 0, { seed: 1 }), "BAD_ARGUMENT");
    expectCode(() => mixAtSnr(speech, noise, 0, { seed: 1, offset: noise.length }), "BAD_ARGUMENT");
    expectCode(() => mixAtSnr(speech, noise, Number.NaN, { seed: 1 }), "BAD_ARGUMENT");
  });
});

describe("speedPerturb", () => {
  const input = tone(1_000, RATE, 2, 0.5);
  for (const factor of [0.9, 1.1]) {
    it(`factor ${factor}: length / ${factor}, tone × ${factor}, level kept`, () => {
      const output = speedPerturb(input, factor);
      expect(output.length).toBe(Math.round(input.length / factor));
      const steady = middle(output, 0.1);
      const measuredHz = dominantFrequency(steady, RATE);
      expect(Math.abs(measuredHz - 1_000 * factor)).toBeLessThan(0.5);
      expect(Math.abs(decibels(toneAmplitude(steady, measuredHz, RATE) / 0.5))).toBeLessThan(0.01);
    });
  }

  it("removes what speeding up would push above the Nyquist frequency", () => {
    const output = speedPerturb(tone(7_600, RATE, 1, 0.5), 1.1); // would become 8 360 Hz
    expect(decibels(rms(middle(output, 0.1)) / (0.5 / Math.SQRT2))).toBeLessThan(-60);
  });

  it("copies at factor 1 and rejects factors outside [0.25, 4]", () => {
    expect(speedPerturb(input, 1)).toEqual(input);
    expectCode(() => speedPerturb(input, 0), "BAD_ARGUMENT");
    expectCode(() => speedPerturb(input, 5), "BAD_ARGUMENT");
  });
});

describe("generateRoomImpulseResponse", () => {
  for (const rt60Seconds of [0.25, 0.5, 1]) {
    for (const seed of [1, 2]) {
      it(`RT60 ${rt60Seconds} s (seed ${seed}): Schroeder T20 and T30 within 20 %`, () => {
        const rir = generateRoomImpulseResponse({ rt60Seconds, seed });
        expect(rir.length).toBe(Math.round(1.2 * rt60Seconds * RATE));
        const t20 = reverberationTimeSeconds(rir, RATE, 20);
        const t30 = reverberationTimeSeconds(rir, RATE, 30);
        expect(Math.abs(t20 / rt60Seconds - 1)).toBeLessThan(0.2);
        expect(Math.abs(t30 / rt60Seconds - 1)).toBeLessThan(0.2);
        // In practice within a few per cent.
        expect(Math.abs(t30 / rt60Seconds - 1)).toBeLessThan(0.08);
      });
    }
  }

  it("puts the direct path first with the requested direct-to-reverberant ratio", () => {
    for (const directToReverbDb of [-5, 0, 10]) {
      const rir = generateRoomImpulseResponse({ rt60Seconds: 0.4, seed: 3, directToReverbDb });
      expect(rir[0]).toBe(1);
      const tailEnergy = power(rir.subarray(1)) * (rir.length - 1);
      expect(10 * Math.log10(1 / tailEnergy)).toBeCloseTo(directToReverbDb, 3);
    }
  });

  it("is deterministic for a seed and differs between seeds; works at other rates", () => {
    const a = generateRoomImpulseResponse({ rt60Seconds: 0.3, seed: "room" });
    expect(generateRoomImpulseResponse({ rt60Seconds: 0.3, seed: "room" })).toEqual(a);
    expect(generateRoomImpulseResponse({ rt60Seconds: 0.3, seed: "other" })).not.toEqual(a);
    const at48k = generateRoomImpulseResponse({ rt60Seconds: 0.5, seed: 4, sampleRateHz: 48_000 });
    expect(Math.abs(reverberationTimeSeconds(at48k, 48_000, 30) / 0.5 - 1)).toBeLessThan(0.2);
  });

  it("rejects unreasonable settings", () => {
    expectCode(() => generateRoomImpulseResponse({ rt60Seconds: 0, seed: 1 }), "BAD_ARGUMENT");
    expectCode(() => generateRoomImpulseResponse({ rt60Seconds: 50, seed: 1 }), "BAD_ARGUMENT");
    expectCode(
      () => generateRoomImpulseResponse({ rt60Seconds: 0.5, seed: 1, sampleRateHz: -1 }),
      "BAD_SAMPLE_RATE",
    );
  });
});

describe("reverberate and convolve", () => {
  function naiveConvolution(a: Float32Array, b: Float32Array): Float64Array {
    const out = new Float64Array(a.length + b.length - 1);
    for (let i = 0; i < a.length; i += 1) {
      for (let j = 0; j < b.length; j += 1) {
        out[i + j] = (out[i + j] as number) + (a[i] as number) * (b[j] as number);
      }
    }
    return out;
  }

  for (const [signalLength, kernelLength] of [
    [1, 1],
    [100, 7],
    [3_000, 65],
    [5_000, 1_500],
    [700, 2_000],
  ] as const) {
    it(`equals direct convolution for ${signalLength} × ${kernelLength} samples`, () => {
      const a = whiteNoise(signalLength, 1);
      const b = whiteNoise(kernelLength, 2);
      const expected = naiveConvolution(a, b);
      const actual = convolve(a, b);
      expect(actual.length).toBe(expected.length);
      let worst = 0;
      expected.forEach((value, i) => {
        worst = Math.max(worst, Math.abs(value - (actual[i] as number)));
      });
      expect(worst).toBeLessThan(1e-5);
    });
  }

  it("keeps the input's length unless asked for the tail, and passes a unit impulse through", () => {
    const input = whiteNoise(32_000, 8);
    const rir = generateRoomImpulseResponse({ rt60Seconds: 0.5, seed: 1 });
    expect(reverberate(input, rir).length).toBe(32_000);
    expect(reverberate(input, rir, { keepTail: true }).length).toBe(32_000 + rir.length - 1);
    const identity = reverberate(input, Float32Array.from([1]));
    expect(identity).toEqual(input);
    expectCode(() => reverberate(input, new Float32Array(0)), "BAD_ARGUMENT");
  });

  it("adds the reverberant energy the response asks for", () => {
    const input = whiteNoise(48_000, 9, 0.1);
    const rir = generateRoomImpulseResponse({ rt60Seconds: 0.3, seed: 2, directToReverbDb: 0 });
    const wet = reverberate(input, rir);
    // Direct (1×) plus an uncorrelated tail of equal energy: about +3 dB on white noise.
    const gainDb = decibels(rms(middle(wet, 0.2)) / rms(middle(input, 0.2)));
    expect(Math.abs(gainDb - 3.01)).toBeLessThan(0.5);
  });
});

describe("telephoneBand", () => {
  function bandGainDb(
    frequencyHz: number,
    sampleRateHz: number,
    options?: Parameters<typeof telephoneBand>[2],
  ) {
    const input = tone(frequencyHz, sampleRateHz, 1, 0.5);
    const output = telephoneBand(input, sampleRateHz, options);
    expect(output.length).toBe(input.length);
    return decibels(rms(middle(output, 0.2)) / rms(middle(input, 0.2)));
  }

  for (const sampleRateHz of [16_000, 48_000]) {
    for (const options of [{}, { narrowband: true }, { muLaw: true }] as const) {
      const label = `${sampleRateHz} Hz ${JSON.stringify(options)}`;
      it(`${label}: 100 Hz and 6 kHz ≥ 20 dB down, 1 kHz within 1 dB`, () => {
        expect(bandGainDb(100, sampleRateHz, options)).toBeLessThan(-20);
        expect(bandGainDb(6_000, sampleRateHz, options)).toBeLessThan(-20);
        expect(Math.abs(bandGainDb(1_000, sampleRateHz, options))).toBeLessThan(1);
      });
    }
  }

  it("μ-law keeps quiet and loud samples within the 8-bit step and clips beyond ±1", () => {
    const input = Float32Array.from([0, 0.001, -0.01, 0.1, -0.5, 0.99, 1.5]);
    const output = muLawRoundTrip(input);
    expect(output[0]).toBe(0);
    for (let i = 1; i < 6; i += 1) {
      const x = input[i] as number;
      expect(Math.abs((output[i] as number) - x)).toBeLessThan(0.04 * Math.abs(x) + 2e-4);
    }
    expect(output[6]).toBeCloseTo(1, 6);
  });

  it("rejects rates below 8 kHz", () => {
    expectCode(() => telephoneBand(new Float32Array(10), 4_000), "BAD_SAMPLE_RATE");
  });
});
