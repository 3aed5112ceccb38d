import { describe, expect, it } from "vitest";
import { tone } from "../test-audio";
import { peakDb, rmsDb, FLOOR_DB } from "./levels";
import { findSpeech, trimSilence } from "./trim-silence";

const RATE = 16_000;

/** `before` s of faint noise, `speech` s of tone, `after` s of faint noise. */
function recording(before: number, speech: number, after: number, noise = 0.0005): Float32Array {
  let seed = 1;
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1;
  const out = Float32Array.from(
    { length: Math.round((before + speech + after) * RATE) },
    () => noise * random(),
  );
  out.set(
    tone(speech, RATE).map((v, i) => v + (out[Math.round(before * RATE) + i] ?? 0)),
    Math.round(before * RATE),
  );
  return out;
}

describe("findSpeech", () => {
  it("keeps the tone with 150 ms before and 250 ms after", () => {
    const { start, end, silent } = findSpeech(recording(1, 0.8, 1.2), RATE);
    expect(silent).toBe(false);
    expect(start / RATE).toBeCloseTo(0.85, 2);
    expect(end / RATE).toBeCloseTo(2.05, 2);
  });

  it("never reaches past either end", () => {
    const samples = recording(0.05, 0.5, 0.05);
    expect(findSpeech(samples, RATE)).toEqual({ start: 0, end: samples.length, silent: false });
  });

  it("leaves a silent recording whole and says so", () => {
    const samples = new Float32Array(RATE);
    expect(findSpeech(samples, RATE)).toEqual({ start: 0, end: RATE, silent: true });
    expect(trimSilence(samples, RATE)).toHaveLength(RATE);
  });

  it("finds quiet speech in a quiet room (relative to the loudest frame)", () => {
    const quiet = recording(1, 0.5, 1, 0.00005).map((v) => v * 0.05);
    const { start, end } = findSpeech(quiet, RATE);
    expect(start / RATE).toBeCloseTo(0.85, 2);
    expect(end / RATE).toBeCloseTo(1.75, 2);
  });
});

describe("levels", () => {
  it("measures a 0.5 sine at −9 dBFS RMS and −6 dBFS peak", () => {
    const samples = tone(1, RATE);
    expect(rmsDb(samples)).toBeCloseTo(-9.03, 1);
    expect(peakDb(samples)).toBeCloseTo(-6.02, 1);
    expect(rmsDb(new Float32Array(10))).toBe(FLOOR_DB);
  });
});
