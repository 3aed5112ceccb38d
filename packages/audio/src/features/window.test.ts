import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InferenceSession } from "onnxruntime-node";
import { FFT_SIZE_SAMPLES, MEL_BAND_COUNT, MEL_WINDOW_SAMPLES } from "../constants.js";
import { centreInFrame, periodicHann, windowOffsetInFrame } from "./window.js";
import { logMelFilterbank } from "./log-mel-frame.js";
import { loadMelOracle, runMelModel } from "./test-signals.js";

describe("periodicHann", () => {
  it("follows 0.5 − 0.5·cos(2πi/N): zero at 0, one at N/2, symmetric, summing to N/2", () => {
    const window = periodicHann(MEL_WINDOW_SAMPLES);
    expect(window).toHaveLength(400);
    expect(window[0]).toBe(0);
    expect(window[200]).toBe(1);
    for (let i = 1; i < 400; i += 1) {
      expect(window[i]).toBeCloseTo(window[400 - i] as number, 15);
    }
    expect(window.reduce((sum, value) => sum + value, 0)).toBeCloseTo(200, 10);
  });

  it("rejects lengths that are not positive integers, saying what it got", () => {
    expect(() => periodicHann(0)).toThrow(/positive integer, got 0/);
    expect(() => periodicHann(2.5)).toThrow(/got 2.5/);
  });

  it("sits at offset 56 of a 512-sample frame, zeros around it", () => {
    expect(windowOffsetInFrame(MEL_WINDOW_SAMPLES, FFT_SIZE_SAMPLES)).toBe(56);
    const frame = centreInFrame(periodicHann(MEL_WINDOW_SAMPLES), FFT_SIZE_SAMPLES);
    expect(frame).toHaveLength(512);
    expect(frame.subarray(0, 57).every((value) => value === 0)).toBe(true);
    expect(frame.subarray(456).every((value) => value === 0)).toBe(true);
    expect(frame[256]).toBe(1);
  });
});

// The ONNX file's window and mel matrix, read behaviourally: an impulse of amplitude A at sample
// p of a 512-sample input has the flat spectrum A·w[p], so every band reads
// 20·log10(A·w[p]) + 10·log10(Σ_k M[band, k]).
describe("window and mel matrix against melspectrogram.onnx (impulse responses)", () => {
  let session: InferenceSession;
  beforeAll(async () => {
    session = await loadMelOracle();
  });
  afterAll(async () => {
    await session.release();
  });

  const AMPLITUDE = 10_000;
  const impulse = async (position: number): Promise<Float32Array> => {
    const input = new Float32Array(FFT_SIZE_SAMPLES);
    input[position] = AMPLITUDE;
    return (await runMelModel(session, input)).frames;
  };

  it("has the periodic Hann of length 400 at offset 56 (within 1e-3 dB at every sample)", async () => {
    const window = centreInFrame(periodicHann(MEL_WINDOW_SAMPLES), FFT_SIZE_SAMPLES);
    const peak = await impulse(256);
    let worst = 0;
    // Outside 57…455 the window is 0 and the model floors every band at −100 dB.
    for (const position of [0, 10, 55, 56, 456, 500, 511]) {
      expect((await impulse(position)).every((value) => value === -100)).toBe(true);
    }
    for (let position = 57; position <= 455; position += 1) {
      const bands = await impulse(position);
      const expectedDb = 20 * Math.log10(window[position] as number);
      for (let band = 0; band < MEL_BAND_COUNT; band += 1) {
        const measuredDb = (bands[band] as number) - (peak[band] as number);
        worst = Math.max(worst, Math.abs(measuredDb - expectedDb));
      }
    }
    expect(worst).toBeLessThan(1e-3);
  });

  it("has the Slaney-normalised filterbank's band areas (row sums) within 1e-3 dB", async () => {
    const filterbank = logMelFilterbank();
    const peak = await impulse(256);
    for (let band = 0; band < MEL_BAND_COUNT; band += 1) {
      const offset = filterbank.weightOffset[band] as number;
      const count = filterbank.binCount[band] as number;
      const rowSum = filterbank.weights
        .subarray(offset, offset + count)
        .reduce((sum, weight) => sum + weight, 0);
      const expectedDb = 20 * Math.log10(AMPLITUDE) + 10 * Math.log10(rowSum);
      expect(Math.abs((peak[band] as number) - expectedDb)).toBeLessThan(1e-3);
    }
  });
});
