import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Tensor, type InferenceSession } from "onnxruntime-node";
import { AudioError } from "../errors.js";
import {
  FFT_SIZE_SAMPLES,
  INT16_FULL_SCALE,
  MEL_BAND_COUNT,
  MEL_MAX_FREQUENCY_HZ,
  MEL_MIN_FREQUENCY_HZ,
  SAMPLE_RATE_HZ,
} from "../constants.js";
import { computeLogMel, logMelFrameCount, toBaseNetworkInput, toInt16Scale } from "./log-mel.js";
import { logMelFilterbank } from "./log-mel-frame.js";
import {
  concat,
  exactLogMel,
  loadMelOracle,
  maxAbsDifference,
  maxAbsDifferenceNearTop,
  oracleLogMel,
  pinkNoise,
  runMelModel,
  synthesizeSpeech,
  tone,
  whiteNoise,
} from "./test-signals.js";

const TOLERANCE_DB = 1e-3;

describe("computeLogMel against melspectrogram.onnx (run per 8-frame group, as openWakeWord streams)", () => {
  let session: InferenceSession;
  let speech: Float32Array;
  beforeAll(async () => {
    session = await loadMelOracle();
    speech = synthesizeSpeech("hey nova, what's the weather like");
  });
  afterAll(async () => {
    await session.release();
  });

  const expectParity = async (samples: Float32Array): Promise<void> => {
    const ours = computeLogMel(samples);
    const reference = await oracleLogMel(session, samples);
    expect(ours.frameCount).toBe(reference.frameCount);
    expect(ours.frameCount).toBeGreaterThan(0);
    expect(maxAbsDifference(ours.frames, reference.frames)).toBeLessThan(TOLERANCE_DB);
  };

  it("matches on espeak-ng speech resampled to 16 kHz", async () => {
    expect(speech.length).toBeGreaterThan(SAMPLE_RATE_HZ); // more than a second of speech
    await expectParity(speech);
  });

  it("matches on seeded white and pink noise at several levels", async () => {
    await expectParity(whiteNoise(3 * SAMPLE_RATE_HZ + 777, 20_000, "white"));
    await expectParity(whiteNoise(SAMPLE_RATE_HZ, 3, "quiet white"));
    await expectParity(pinkNoise(3 * SAMPLE_RATE_HZ + 5, 25_000, "pink"));
  });

  it("matches on a signal with digital silence, where the clip reference matters", async () => {
    const silence = new Float32Array(SAMPLE_RATE_HZ);
    const signal = concat(
      silence.subarray(0, 3000),
      speech,
      silence,
      whiteNoise(9000, 500, "tail"),
    );
    await expectParity(signal);
    // One ONNX call over the whole signal clips against its global maximum instead: digital
    // silence reads (loudest − 80) dB there but −100 dB here. This is the documented difference.
    const whole = await runMelModel(session, signal);
    expect(maxAbsDifference(computeLogMel(signal).frames, whole.frames)).toBeGreaterThan(1);
  });

  it("is per signal, while the ONNX model's clip even couples the items of one batch", async () => {
    // The graph's ReduceMax has no axes: in a batch [loud, silent] the silent item is clipped
    // 80 dB below the loud item's maximum instead of reading −100 dB.
    const loud = tone(440, 1_760, 10_000);
    const batch = new Float32Array(2 * 1_760);
    batch.set(loud);
    const result = await session.run({
      [session.inputNames[0] as string]: new Tensor("float32", batch, [2, 1_760]),
    });
    const output = result[session.outputNames[0] as string]?.data as Float32Array;
    const loudMax = Math.max(...output.subarray(0, 256));
    expect(output[256]).toBeCloseTo(loudMax - 80, 3);
    expect(computeLogMel(new Float32Array(1_760)).frames.every((value) => value === -100)).toBe(
      true,
    );
    expect(maxAbsDifference(computeLogMel(loud).frames, output.subarray(0, 256))).toBeLessThan(
      TOLERANCE_DB,
    );
  });

  it("matches on tones across the filterbank's range (checks every band's shape)", async () => {
    for (let hz = 40; hz <= 4_100; hz += 61.3) {
      const signal = tone(hz, 2_000, 8_000);
      const ours = computeLogMel(signal);
      // Against exact float64 arithmetic: every value, far tighter than the acceptance bound.
      expect(maxAbsDifference(ours.frames, exactLogMel(signal).frames)).toBeLessThan(1e-5);
      // The ONNX graph computes in float32, so its error is relative to the whole frame's power,
      // not to a band's: a pure tone's leakage 70–80 dB below the tone, or every band of a tone
      // above 3800 Hz, comes out 1e-3…0.1 dB off there (its rounding, not ours: see the exact
      // check above). So against ONNX: tones inside the filterbank, values within 60 dB of the
      // group's peak.
      if (hz < MEL_MIN_FREQUENCY_HZ || hz > MEL_MAX_FREQUENCY_HZ) continue;
      const reference = await oracleLogMel(session, signal);
      expect(maxAbsDifferenceNearTop(ours.frames, reference.frames, 60)).toBeLessThan(TOLERANCE_DB);
    }
  });

  it("agrees with exact float64 arithmetic on speech within 1e-5 dB", () => {
    const excerpt = speech.subarray(4_000, 12_000);
    expect(
      maxAbsDifference(computeLogMel(excerpt).frames, exactLogMel(excerpt).frames),
    ).toBeLessThan(1e-5);
  });

  it("matches at lengths around frame and group boundaries", async () => {
    const noise = whiteNoise(4_000, 10_000, "lengths");
    for (const length of [512, 513, 671, 672, 1631, 1632, 1633, 1760, 2911, 2912, 4000]) {
      await expectParity(noise.subarray(0, length));
    }
  });
});

describe("computeLogMel edge cases", () => {
  it("yields no frames for fewer than 512 samples, one at 512, one more per 160", () => {
    for (const length of [0, 1, 511]) {
      const result = computeLogMel(new Float32Array(length));
      expect(result.frameCount).toBe(0);
      expect(result.frames).toHaveLength(0);
    }
    expect(computeLogMel(new Float32Array(512)).frameCount).toBe(1);
    expect(computeLogMel(new Float32Array(671)).frameCount).toBe(1);
    expect(computeLogMel(new Float32Array(672)).frameCount).toBe(2);
    expect(logMelFrameCount(16_000)).toBe(97);
  });

  it("floors digital silence at −100 dB", () => {
    const result = computeLogMel(new Float32Array(FFT_SIZE_SAMPLES + 10 * 160));
    expect(result.frames.every((value) => value === -100)).toBe(true);
  });

  it("rejects NaN and ±Infinity with AudioError NON_FINITE_SAMPLES naming the sample and file", () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      const samples = whiteNoise(2_000, 100, "finite");
      samples[1234] = bad;
      let caught: unknown;
      try {
        computeLogMel(samples, { fileName: "clip.wav" });
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(AudioError);
      const error = caught as AudioError;
      expect(error.code).toBe("NON_FINITE_SAMPLES");
      expect(error.fileName).toBe("clip.wav");
      expect(error.message).toBe(`clip.wav: sample 1234 is ${bad}; log-mel needs finite samples`);
    }
  });

  it("puts a 1 kHz tone in the band whose centre frequency is nearest 1 kHz", () => {
    const centres = Array.from(logMelFilterbank().centreFrequenciesHz);
    const expectedBand = centres.reduce(
      (best, centre, band) =>
        Math.abs(centre - 1000) < Math.abs((centres[best] as number) - 1000) ? band : best,
      0,
    );
    const { frames, frameCount } = computeLogMel(tone(1000, SAMPLE_RATE_HZ, 10_000));
    for (let frame = 0; frame < frameCount; frame += 1) {
      const row = Array.from(frames.subarray(frame * MEL_BAND_COUNT, (frame + 1) * MEL_BAND_COUNT));
      expect(row.indexOf(Math.max(...row))).toBe(expectedBand);
    }
  });
});

describe("toBaseNetworkInput and toInt16Scale", () => {
  it("maps x to x / 10 + 2, into a new array or in place", () => {
    const logMel = computeLogMel(whiteNoise(2_000, 1_000, "base"));
    const copy = logMel.frames.slice();
    const scaled = toBaseNetworkInput(logMel);
    expect(logMel.frames).toEqual(copy);
    expect(scaled.frameCount).toBe(logMel.frameCount);
    scaled.frames.forEach((value, i) => {
      expect(value).toBe(Math.fround((copy[i] as number) / 10 + 2));
    });
    const inPlace = toBaseNetworkInput(logMel, { inPlace: true });
    expect(inPlace.frames).toBe(logMel.frames);
    expect(inPlace.frames).toEqual(scaled.frames);
  });

  it("scales −1…1 audio by 32768, the inverse of 16-bit PCM decoding", () => {
    const scaled = toInt16Scale(Float32Array.of(-1, -0.5, 0, 0.25, 32767 / 32768));
    expect(Array.from(scaled)).toEqual([-32768, -16384, 0, 8192, 32767]);
    expect(INT16_FULL_SCALE).toBe(32768);
  });
});
