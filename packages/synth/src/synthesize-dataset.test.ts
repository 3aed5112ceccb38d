import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decodeWav } from "@wakeforge/audio";
import { afterAll, describe, expect, it } from "vitest";
import type { SyntheticManifest } from "./dataset/manifest.js";
import type { TtsEngine } from "./engine.js";
import { createFliteEngine } from "./engines/flite.js";
import { NoSynthEngineError, SynthesisError } from "./errors.js";
import { synthesizeDataset, type SynthesisProgress } from "./synthesize-dataset.js";
import { rms } from "./test-measures.js";
import { wordsOf } from "./text-words.js";

const hasEspeak = spawnSync("espeak-ng", ["--version"], { stdio: "ignore" }).status === 0;
const scratch = mkdtempSync(join(tmpdir(), "wakeforge-dataset-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const readManifest = (dir: string) =>
  JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as SyntheticManifest;

describe.skipIf(!hasEspeak)("synthesizeDataset with the real engines", () => {
  const outDir = join(scratch, "hey-nova");
  const options = {
    phrase: "hey nova",
    positives: 4,
    negatives: 4,
    generalSpeech: 2,
    seed: 11,
    outDir,
  };

  it("writes 16 kHz mono 16-bit WAVs and a manifest whose entries match the files", async () => {
    const progress: SynthesisProgress[] = [];
    const result = await synthesizeDataset({ ...options, onProgress: (p) => progress.push(p) });
    expect(result.failures).toEqual([]);
    expect(result.written).toBe(8);
    expect(result.skipped).toBe(0);

    const manifest = readManifest(outDir);
    expect(manifest).toEqual(result.manifest);
    expect(manifest.sampleRateHz).toBe(16_000);
    expect(manifest.engines).toEqual(["espeak-ng", "flite"]);
    expect(readdirSync(join(outDir, "positives"))).toHaveLength(4);
    expect(readdirSync(join(outDir, "negatives"))).toHaveLength(4);
    expect(readdirSync(outDir).filter((f) => f.endsWith(".partial"))).toEqual([]);

    const clips = manifest.clips;
    expect(clips.map((c) => c.category)).toEqual([
      "phrase",
      "phrase",
      "phrase",
      "phrase",
      "confusable",
      "confusable",
      "general",
      "general",
    ]);
    for (const clip of clips) {
      const bytes = readFileSync(join(outDir, clip.file));
      // RIFF header: PCM (1), mono, 16 kHz, 16 bits.
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      expect(view.getUint16(20, true)).toBe(1);
      expect(view.getUint16(22, true)).toBe(1);
      expect(view.getUint32(24, true)).toBe(16_000);
      expect(view.getUint16(34, true)).toBe(16);
      const audio = decodeWav(bytes);
      expect(audio.durationSeconds).toBeCloseTo(clip.durationSeconds, 2);
      expect(audio.durationSeconds).toBeGreaterThan(0.3);
      expect(rms(audio.samples)).toBeGreaterThan(0.01);
      // The speaker id names exactly the engine, voice and variant that made the file.
      const voice = `${clip.engine}:${clip.voiceId}`;
      expect(clip.speakerId).toBe(clip.variant === null ? voice : `${voice}+${clip.variant}`);
      expect(clip.source).toBe("synthetic");
      const phraseSpoken = wordsOf(clip.text).join(" ") === "hey nova";
      expect(phraseSpoken).toBe(clip.kind === "positive");
    }
    // Both engines speak the positives.
    expect(new Set(clips.filter((c) => c.kind === "positive").map((c) => c.engine))).toEqual(
      new Set(["espeak-ng", "flite"]),
    );
    expect(progress.map((p) => p.done)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(progress.every((p) => p.total === 8)).toBe(true);
    expect(progress.at(-1)?.etaMs).toBe(0);
  });

  it("a resumed run after deleting one file rewrites only that file", async () => {
    const manifest = readManifest(outDir);
    const victim = manifest.clips[5]?.file as string;
    const before = new Map(
      manifest.clips.map((c) => [c.file, statSync(join(outDir, c.file)).mtimeMs]),
    );
    unlinkSync(join(outDir, victim));
    const result = await synthesizeDataset(options);
    expect(result.written).toBe(1);
    expect(result.skipped).toBe(7);
    expect(readManifest(outDir)).toEqual(manifest);
    for (const clip of manifest.clips) {
      const mtime = statSync(join(outDir, clip.file)).mtimeMs;
      if (clip.file === victim) expect(mtime).toBeGreaterThan(before.get(clip.file) ?? 0);
      else expect(mtime).toBe(before.get(clip.file));
    }
  });

  it("language 'de' speaks with German espeak-ng voices only and notes what it left out", async () => {
    const dir = join(scratch, "german");
    const result = await synthesizeDataset({
      phrase: "hallo nova",
      positives: 2,
      negatives: 2,
      generalSpeech: 1,
      language: "de",
      seed: 3,
      outDir: dir,
    });
    expect(result.failures).toEqual([]);
    const clips = readManifest(dir).clips;
    expect(clips).toHaveLength(4);
    expect(clips.every((c) => c.engine === "espeak-ng" && /^de(-|$)/.test(c.voiceId))).toBe(true);
    expect(result.manifest.notes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^flite has no voice for language "de"/),
        expect.stringMatching(/^confusable phrases: the built-in word list is English/),
        expect.stringMatching(/^general speech: the built-in sentences are English/),
      ]),
    );
  });

  it("stops when aborted and finishes the rest on the next run", async () => {
    const dir = join(scratch, "aborted");
    const controller = new AbortController();
    const run = synthesizeDataset({
      ...options,
      outDir: dir,
      concurrency: 1,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done === 3) controller.abort();
      },
    });
    await expect(run).rejects.toThrow(/abort/i);
    expect(readManifest(dir).clips).toHaveLength(3);
    const resumed = await synthesizeDataset({ ...options, outDir: dir });
    expect(resumed.skipped).toBe(3);
    expect(resumed.written).toBe(5);
  });
});

describe("synthesizeDataset with flite alone", () => {
  it("records a clip the engine cannot make, leaves it out, and makes it on the rerun", async () => {
    const flite = createFliteEngine();
    let refuse = true;
    const flaky: TtsEngine = {
      ...flite,
      synthesize: async (request) => {
        if (refuse && request.fileName === "positives/positive-0002.wav") {
          throw new SynthesisError("flite", "SILENT_OUTPUT", "flite produced only silence");
        }
        return flite.synthesize(request);
      },
    };
    const outDir = join(scratch, "flaky");
    const options = {
      phrase: "hey nova",
      positives: 3,
      negatives: 1,
      seed: 4,
      outDir,
      engines: [flaky],
    };
    const first = await synthesizeDataset(options);
    expect(first.failures.map((f) => [f.file, f.error.code])).toEqual([
      ["positives/positive-0002.wav", "SILENT_OUTPUT"],
    ]);
    expect(first.manifest.clips.map((c) => c.file)).toEqual([
      "positives/positive-0001.wav",
      "positives/positive-0003.wav",
      "negatives/confusable-0001.wav",
    ]);
    expect(first.manifest.clips.every((c) => c.engine === "flite")).toBe(true);
    refuse = false;
    const second = await synthesizeDataset(options);
    expect([second.written, second.skipped, second.failures.length]).toEqual([1, 3, 0]);
    expect(readManifest(outDir).clips).toHaveLength(4);
  });
});

describe("synthesizeDataset without engines", () => {
  it("throws NoSynthEngineError naming every reason", async () => {
    const run = synthesizeDataset({
      phrase: "hey nova",
      positives: 2,
      negatives: 2,
      seed: 1,
      outDir: join(scratch, "none"),
      engineOptions: { espeakNg: { binary: "/nonexistent/espeak-ng" }, flite: false },
    });
    await expect(run).rejects.toBeInstanceOf(NoSynthEngineError);
    await expect(run).rejects.toThrow(
      /^no text-to-speech engine is available: espeak-ng at "\/nonexistent\/espeak-ng" not found.*, flite turned off by option$/,
    );
  });

  it("rejects counts that do not add up", async () => {
    await expect(
      synthesizeDataset({
        phrase: "hey",
        positives: 1,
        negatives: 2,
        generalSpeech: 3,
        seed: 1,
        outDir: scratch,
      }),
    ).rejects.toThrow(/generalSpeech \(3\) cannot exceed negatives \(2\)/);
  });
});
