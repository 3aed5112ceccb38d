import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { createEspeakNgEngine } from "./engines/espeak-ng.js";
import { createFliteEngine } from "./engines/flite.js";
import { planVoices } from "./voice-plan.js";

const hasEspeak = spawnSync("espeak-ng", ["--version"], { stdio: "ignore" }).status === 0;

describe.skipIf(!hasEspeak)("planVoices with espeak-ng and flite", () => {
  const engines = [createEspeakNgEngine(), createFliteEngine()];

  it("is deterministic for a seed and differs for another seed", async () => {
    const first = await planVoices({ engines, count: 40, seed: 7 });
    expect(await planVoices({ engines, count: 40, seed: 7 })).toEqual(first);
    const other = await planVoices({ engines, count: 40, seed: 8 });
    expect(other.entries).not.toEqual(first.entries);
  });

  it("spreads clips over both engines, many speakers, rates and pitches", async () => {
    const { entries, notes } = await planVoices({ engines, count: 60, seed: "spread" });
    expect(entries).toHaveLength(60);
    expect(notes).toEqual([]);
    const perEngine = (id: string) => entries.filter((e) => e.engine === id).length;
    expect(perEngine("espeak-ng")).toBe(30);
    expect(perEngine("flite")).toBe(30);
    // espeak-ng: one new speaker per clip; flite: all five voices.
    const speakers = new Set(entries.map((e) => e.speakerId));
    expect(speakers.size).toBe(35);
    expect(new Set(entries.filter((e) => e.engine === "flite").map((e) => e.voiceId)).size).toBe(5);
    const espeakVoices = new Set(
      entries.filter((e) => e.engine === "espeak-ng").map((e) => e.voiceId),
    );
    expect(espeakVoices.size).toBeGreaterThan(4);
    const rates = entries.map((e) => e.rateWpm);
    expect(Math.min(...rates)).toBeGreaterThanOrEqual(120);
    expect(Math.max(...rates)).toBeLessThanOrEqual(200);
    expect(Math.max(...rates) - Math.min(...rates)).toBeGreaterThan(50);
    expect(new Set(entries.map((e) => e.pitch)).size).toBeGreaterThan(20);
  });

  it("names speakers by engine, voice and variant, never by rate or pitch", async () => {
    const { entries } = await planVoices({ engines, count: 80, seed: 3 });
    for (const entry of entries) {
      const voice = `${entry.engine}:${entry.voiceId}`;
      expect(entry.speakerId).toBe(
        entry.variant === undefined ? voice : `${voice}+${entry.variant}`,
      );
    }
    // A flite voice recurs at several rates under one speaker id.
    const slt = entries.filter((e) => e.speakerId === "flite:slt");
    expect(slt.length).toBeGreaterThan(3);
    expect(new Set(slt.map((e) => e.rateWpm)).size).toBeGreaterThan(1);
    // rms cannot change pitch, so it gets none.
    expect(entries.filter((e) => e.voiceId === "rms").every((e) => e.pitch === undefined)).toBe(
      true,
    );
  });

  it("language 'de' gives German espeak-ng voices only and says why flite left", async () => {
    const { entries, notes } = await planVoices({ engines, count: 12, seed: 1, language: "de" });
    expect(entries).toHaveLength(12);
    expect(entries.every((e) => e.engine === "espeak-ng")).toBe(true);
    expect(entries.every((e) => e.language === "de" || e.language.startsWith("de-"))).toBe(true);
    expect(notes).toEqual([
      expect.stringMatching(/^flite has no voice for language "de" \(Flite speaks English only\)/),
    ]);
  });

  it("a language nobody speaks is an error that names it", async () => {
    await expect(planVoices({ engines, count: 2, seed: 1, language: "xx" })).rejects.toThrow(
      /no engine has a voice for language "xx"/,
    );
  });
});
