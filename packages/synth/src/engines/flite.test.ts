import { describe, expect, it } from "vitest";
import type { SynthesizedClip } from "../engine.js";
import { SynthEngineUnavailableError, SynthRequestError } from "../errors.js";
import { medianPitchHz, relativeDifference, rms } from "../test-measures.js";
import { createFliteEngine } from "./flite.js";

const seconds = (clip: SynthesizedClip) => clip.samples.length / clip.sampleRateHz;
const SPEECH_RMS = 0.02;

describe("flite engine (WASI)", () => {
  const engine = createFliteEngine();

  it("is available and lists its English voices without the clock-only one", async () => {
    expect(await engine.isAvailable()).toEqual({ available: true });
    const voices = await engine.listVoices();
    expect(voices.map((v) => v.id).sort()).toEqual(["awb", "kal", "kal16", "rms", "slt"]);
    expect(voices.find((v) => v.id === "slt")?.gender).toBe("female");
    expect((await engine.listVoices({ language: "en" })).length).toBe(5);
    expect(await engine.listVoices({ language: "de" })).toEqual([]);
  });

  it("speaks 'hey nova' with two voices: plausible length, real speech, different clips", async () => {
    const male = await engine.synthesize({ text: "hey nova", voiceId: "awb" });
    const female = await engine.synthesize({ text: "hey nova", voiceId: "slt" });
    for (const clip of [male, female]) {
      expect(clip.sampleRateHz).toBe(16_000);
      expect(seconds(clip)).toBeGreaterThan(0.4);
      expect(seconds(clip)).toBeLessThan(2);
      expect(rms(clip.samples)).toBeGreaterThan(SPEECH_RMS);
      expect(clip.engine).toBe("flite");
    }
    expect(male.speakerId).toBe("flite:awb");
    expect(female.speakerId).toBe("flite:slt");
    expect(relativeDifference(male.samples, female.samples)).toBeGreaterThan(0.5);
    expect(medianPitchHz(female.samples, 16_000)).toBeGreaterThan(
      1.15 * medianPitchHz(male.samples, 16_000),
    );
  });

  it("kal speaks at 8 kHz, its native rate", async () => {
    const clip = await engine.synthesize({ text: "hey nova", voiceId: "kal" });
    expect(clip.sampleRateHz).toBe(8_000);
    expect(seconds(clip)).toBeGreaterThan(0.4);
  });

  it("rate stretches the clip and pitch moves the voice", async () => {
    const text = "the quick brown fox jumps over the lazy dog";
    const slow = await engine.synthesize({ text, voiceId: "slt", rateWpm: 120 });
    const fast = await engine.synthesize({ text, voiceId: "slt", rateWpm: 220 });
    expect(seconds(slow)).toBeGreaterThan(1.4 * seconds(fast));
    const low = await engine.synthesize({ text, voiceId: "awb", pitch: 10 });
    const high = await engine.synthesize({ text, voiceId: "awb", pitch: 90 });
    expect(medianPitchHz(high.samples, 16_000)).toBeGreaterThan(
      1.4 * medianPitchHz(low.samples, 16_000),
    );
  });

  it("gives the same samples for the same request", async () => {
    const request = { text: "hey nova", voiceId: "rms", rateWpm: 140 };
    expect((await engine.synthesize(request)).samples).toEqual(
      (await engine.synthesize(request)).samples,
    );
  });

  it("speaks text that looks like an option instead of parsing it", async () => {
    const clip = await engine.synthesize({ text: "--help", voiceId: "kal16" });
    expect(rms(clip.samples)).toBeGreaterThan(0.01);
  });

  it("rejects what it cannot do, naming the problem", async () => {
    const cases: [Parameters<typeof engine.synthesize>[0], string, RegExp][] = [
      [{ text: " ", voiceId: "slt" }, "EMPTY_TEXT", /empty/],
      [{ text: "hi", voiceId: "awb_time" }, "UNKNOWN_VOICE", /kal, kal16, awb, rms, slt/],
      [{ text: "hi", voiceId: "slt", variant: "f3" }, "UNKNOWN_VARIANT", /no voice variants/],
      [{ text: "hi", voiceId: "slt", rateWpm: 20 }, "BAD_RATE", /80–350/],
      [{ text: "hi", voiceId: "slt", pitch: 120 }, "BAD_PITCH", /0–99/],
      [{ text: "hi", voiceId: "rms", pitch: 60 }, "BAD_PITCH", /"rms" cannot change its pitch/],
    ];
    for (const [request, code, message] of cases) {
      const error = await engine.synthesize(request).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SynthRequestError);
      expect((error as SynthRequestError).code).toBe(code);
      expect((error as Error).message).toMatch(message);
    }
    expect(engine.canSetPitch("rms")).toBe(false);
    expect(engine.canSetPitch("slt")).toBe(true);
  });

  it("a wasm file that cannot load makes the engine unavailable with the reason", async () => {
    const broken = createFliteEngine({ wasmPath: "/nonexistent/flite.wasm" });
    const availability = await broken.isAvailable();
    expect(availability.available).toBe(false);
    expect(availability.available ? "" : availability.reason).toMatch(
      /^flite failed to load: .*ENOENT/,
    );
    const error = await broken.synthesize({ text: "hi", voiceId: "slt" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SynthEngineUnavailableError);
  });
});
