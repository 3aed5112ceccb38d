import { describe, expect, it } from "vitest";
import {
  FFT_SIZE_SAMPLES,
  MEL_BAND_COUNT,
  MEL_MAX_FREQUENCY_HZ,
  MEL_MIN_FREQUENCY_HZ,
  SAMPLE_RATE_HZ,
} from "../constants.js";
import { logMelFilterbank } from "./log-mel-frame.js";
import {
  createMelFilterbank,
  hzToSlaneyMel,
  melFilterbankToDense,
  slaneyMelToHz,
} from "./mel-filterbank.js";

describe("Slaney mel scale", () => {
  it("is linear below 1 kHz (3 mels per 200 Hz) and logarithmic above (27 mels per ×6.4)", () => {
    expect(hzToSlaneyMel(0)).toBe(0);
    expect(hzToSlaneyMel(200)).toBeCloseTo(3, 12);
    expect(hzToSlaneyMel(1000)).toBeCloseTo(15, 12);
    expect(hzToSlaneyMel(6400)).toBeCloseTo(42, 12);
  });

  it("round-trips Hz → mel → Hz", () => {
    for (const hz of [0, 60, 440, 999.9, 1000, 1000.1, 2500, 3800, 8000]) {
      expect(slaneyMelToHz(hzToSlaneyMel(hz))).toBeCloseTo(hz, 9);
    }
  });
});

describe("createMelFilterbank (openWakeWord's settings)", () => {
  const filterbank = logMelFilterbank();

  it("spans 60–3800 Hz in 32 mel-spaced bands over 257 bins", () => {
    expect(filterbank.bandCount).toBe(MEL_BAND_COUNT);
    expect(filterbank.spectrumBinCount).toBe(FFT_SIZE_SAMPLES / 2 + 1);
    expect(filterbank.edgeFrequenciesHz[0]).toBeCloseTo(MEL_MIN_FREQUENCY_HZ, 9);
    expect(filterbank.edgeFrequenciesHz[MEL_BAND_COUNT + 1]).toBeCloseTo(MEL_MAX_FREQUENCY_HZ, 9);
    const mels = Array.from(filterbank.edgeFrequenciesHz, hzToSlaneyMel);
    const step = (mels[1] as number) - (mels[0] as number);
    for (let i = 1; i < mels.length; i += 1) {
      expect((mels[i] as number) - (mels[i - 1] as number)).toBeCloseTo(step, 9);
    }
  });

  it("touches only bins 2 (62.5 Hz) to 121 (3781.25 Hz), a few bins per band", () => {
    expect(filterbank.lowestBin).toBe(2);
    expect(filterbank.highestBin).toBe(121);
    const binsPerBand = Array.from(filterbank.binCount);
    expect(Math.max(...binsPerBand)).toBeLessThan(20);
    expect(filterbank.weights.length).toBe(binsPerBand.reduce((sum, count) => sum + count, 0));
  });

  it("builds triangles that peak at each band's centre with height 2 / (upper − lower edge)", () => {
    const dense = melFilterbankToDense(filterbank);
    const binHz = SAMPLE_RATE_HZ / FFT_SIZE_SAMPLES;
    for (let band = 0; band < MEL_BAND_COUNT; band += 1) {
      const lower = filterbank.edgeFrequenciesHz[band] as number;
      const centre = filterbank.edgeFrequenciesHz[band + 1] as number;
      const upper = filterbank.edgeFrequenciesHz[band + 2] as number;
      expect(filterbank.centreFrequenciesHz[band]).toBe(centre);
      for (let bin = 0; bin < filterbank.spectrumBinCount; bin += 1) {
        const hz = bin * binHz;
        const shape =
          hz <= lower || hz >= upper
            ? 0
            : hz <= centre
              ? (hz - lower) / (centre - lower)
              : (upper - hz) / (upper - centre);
        const weight = dense[band * filterbank.spectrumBinCount + bin] as number;
        expect(weight).toBeCloseTo((shape * 2) / (upper - lower), 12);
      }
    }
  });

  it("rejects impossible settings, naming the values", () => {
    const base = {
      sampleRateHz: 16_000,
      fftSize: 512,
      bandCount: 32,
      minFrequencyHz: 60,
      maxFrequencyHz: 3_800,
    };
    expect(() => createMelFilterbank({ ...base, maxFrequencyHz: 9_000 })).toThrow(
      /maxFrequencyHz: 9000/,
    );
    expect(() => createMelFilterbank({ ...base, minFrequencyHz: 4_000 })).toThrow(
      /minFrequencyHz: 4000/,
    );
    expect(() => createMelFilterbank({ ...base, bandCount: 0 })).toThrow(/bandCount/);
    // 200 bands between 60 and 300 Hz: some fall between two FFT bins and would stay empty.
    expect(() => createMelFilterbank({ ...base, bandCount: 200, maxFrequencyHz: 300 })).toThrow(
      /falls between FFT bins/,
    );
  });
});
