import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decodeWav } from "@wakeforge/audio";
import { afterAll, describe, expect, it } from "vitest";
import { generateNegativeAudio } from "./negative-audio.js";

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "wakeforge-negatives-"));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe("generateNegativeAudio", () => {
  it("writes speech, music and noise of the asked length, the same bytes for the same seed", async () => {
    const [a, b, c] = [await tempDir(), await tempDir(), await tempDir()];
    const progress: number[] = [];
    const started = performance.now();
    const first = await generateNegativeAudio({
      outDir: a,
      minutes: 0.6,
      seed: 7,
      excludeWords: ["alexa"],
      onProgress: (p) => progress.push(p.doneSeconds),
    });
    console.log(`0.6 min of negatives in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    expect(first.map((f) => f.kind)).toEqual(["speech", "music", "noise"]);
    expect(progress.length).toBeGreaterThan(3);
    const second = await generateNegativeAudio({
      outDir: b,
      minutes: 0.6,
      seed: 7,
      excludeWords: ["alexa"],
    });
    const other = await generateNegativeAudio({
      outDir: c,
      minutes: 0.6,
      seed: 8,
      kinds: ["music"],
    });
    for (const [i, file] of first.entries()) {
      const bytes = new Uint8Array(await readFile(file.path));
      const again = new Uint8Array(await readFile(second[i]?.path ?? ""));
      expect(Buffer.compare(bytes, again)).toBe(0);
      const decoded = decodeWav(bytes, { fileName: file.path });
      expect(decoded.sampleRateHz).toBe(16_000);
      expect(decoded.samples.length).toBe(Math.round((0.6 * 60 * 16_000) / 3));
      expect(file.durationSeconds).toBeCloseTo(12, 6);
      let energy = 0;
      for (const v of decoded.samples) energy += v * v;
      expect(energy / decoded.samples.length, file.kind).toBeGreaterThan(1e-5);
    }
    const musicA = await readFile(first[1]?.path ?? "");
    const musicC = await readFile(other[0]?.path ?? "");
    expect(musicC.length).toBe(44 + 2 * Math.round(0.6 * 60 * 16_000));
    expect(Buffer.compare(musicA.subarray(0, 10_000), musicC.subarray(0, 10_000))).not.toBe(0);
  }, 60_000);
});
