import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decodeWav } from "@wakeforge/audio";
import { afterAll, describe, expect, it } from "vitest";
import { createEspeakNgEngine } from "./engines/espeak-ng.js";
import { synthesizeWordCorpus } from "./word-corpus.js";

const work = mkdtempSync(join(tmpdir(), "wakeforge-word-corpus-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("synthesizeWordCorpus", () => {
  it("speaks every word in every voice, in the Speech Commands layout, and resumes", async () => {
    const outDir = join(work, "corpus");
    const options = {
      outDir,
      words: ["yes", "stop", "seven"],
      voices: 3,
      seed: 4,
      engines: [createEspeakNgEngine()],
    };
    const first = await synthesizeWordCorpus(options);
    expect(first.failures).toEqual([]);
    expect(first.written).toBe(9);
    expect(first.speakers).toHaveLength(3);
    expect(readdirSync(outDir).sort()).toEqual(["seven", "stop", "yes"]);
    for (const word of options.words) {
      const files = readdirSync(join(outDir, word)).sort();
      expect(files).toHaveLength(3);
      // One file per voice, the speaker before `_nohash_` as in Speech Commands.
      const speakers = files.map((f) => f.slice(0, f.indexOf("_nohash_")));
      expect(new Set(speakers).size).toBe(3);
      for (const file of files) {
        const wav = decodeWav(new Uint8Array(readFileSync(join(outDir, word, file))));
        expect(wav.sampleRateHz).toBe(16_000);
        // A spoken word: well under two seconds, and not silence.
        expect(wav.samples.length / 16_000).toBeLessThan(2);
        expect(Math.max(...wav.samples.map(Math.abs))).toBeGreaterThan(0.05);
      }
    }
    // The same voices speak every word: a voice held out is held out for all of them.
    const prefixes = (word: string) =>
      readdirSync(join(outDir, word))
        .map((f) => f.slice(0, f.indexOf("_nohash_")))
        .sort();
    expect(prefixes("yes")).toEqual(prefixes("stop"));

    const again = await synthesizeWordCorpus(options);
    expect(again).toMatchObject({ written: 0, kept: 9 });
  }, 60_000);

  it("refuses a corpus that cannot teach or hold out anything", async () => {
    const base = { outDir: join(work, "bad"), seed: 1, engines: [createEspeakNgEngine()] };
    await expect(synthesizeWordCorpus({ ...base, words: ["yes"], voices: 3 })).rejects.toThrow(
      /at least 2 words/,
    );
    await expect(
      synthesizeWordCorpus({ ...base, words: ["yes", "hey nova"], voices: 3 }),
    ).rejects.toThrow(/"hey nova": corpus words are single words/);
    await expect(
      synthesizeWordCorpus({ ...base, words: ["yes", "no"], voices: 1 }),
    ).rejects.toThrow(/at least 2 voices/);
  });
});
