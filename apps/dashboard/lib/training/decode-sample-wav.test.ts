import { describe, expect, it } from "vitest";
import { tone, toneWav } from "../test-audio";
import { decodeSampleWav } from "./decode-sample-wav";

describe("decodeSampleWav", () => {
  it("reads a stored 16 kHz mono 16-bit WAV back to within one quantisation step", () => {
    const original = tone(0.1);
    const decoded = decodeSampleWav(toneWav(0.1), "tone.wav");
    expect(decoded.sampleRateHz).toBe(16_000);
    expect(decoded.samples).toBeInstanceOf(Float32Array);
    expect(decoded.samples.length).toBe(1600);
    const worst = Math.max(...decoded.samples.map((v, i) => Math.abs(v - original[i]!)));
    expect(worst).toBeLessThanOrEqual(1 / 32_768 + 1e-6);
  });

  it("keeps another sample rate for the data set to resample", () => {
    const decoded = decodeSampleWav(toneWav(0.5, 44_100), "hum.wav");
    expect(decoded.sampleRateHz).toBe(44_100);
    expect(decoded.samples.length).toBe(22_050);
  });

  it("names the file when the bytes are not a whole WAV", () => {
    const cut = toneWav(1).subarray(0, 5_000);
    expect(() => decodeSampleWav(cut, "cut.wav")).toThrow(/cut\.wav.*data chunk claims/);
  });
});
