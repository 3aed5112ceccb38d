import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initBackend } from "../backends/node-backends.js";
import { saveModelDirectory } from "../io/model-directory.js";
import { ModelFormatError, headManifest } from "../io/model-manifest.js";
import { SPEECH_EMBEDDING } from "../models/zoo.js";
import { buildHead } from "../surgery/head-spec.js";
import { loadDetectorDirectory } from "./load-detector-directory.js";
import { StreamingDetector } from "./streaming-detector.js";

const work = mkdtempSync(join(tmpdir(), "wakeforge-load-detector-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
beforeAll(async () => {
  await initBackend("wasm");
});

/** A head over the real base's embeddings, as `wakeforge train` saves it. */
async function savedHead(dir: string, manifest: Parameters<typeof headManifest>[0]) {
  const head = buildHead(
    {
      windowEmbeddings: 16,
      embeddingDims: SPEECH_EMBEDDING.outputShape[1],
      hidden: [{ units: 8 }],
    },
    { seed: 3 },
  );
  await saveModelDirectory(dir, head, headManifest(manifest));
}

describe("loadDetectorDirectory", () => {
  it("listens with the threshold and smoothing the manifest was calibrated with", async () => {
    const dir = join(work, "smoothed");
    await savedHead(dir, { phrase: "hey nova", threshold: 0.7, smoothingSteps: 2 });
    const loaded = await loadDetectorDirectory(dir);
    expect(loaded.head().policy).toEqual({ threshold: 0.7, smoothingSteps: 2 });
    // A flag such as --threshold replaces the threshold and keeps the smoothing.
    expect(loaded.head({ threshold: 0.4 }).policy).toEqual({ threshold: 0.4, smoothingSteps: 2 });

    // The detector averages two steps: with no threshold and no refractory period every step
    // fires, and each detection's score is the mean of that step's raw score and the one before.
    const everyStep = { threshold: 0, refractorySeconds: 0 };
    const plain = new StreamingDetector(loaded.embedder, [
      loaded.head({ ...everyStep, smoothingSteps: 1 }),
    ]);
    const smooth = new StreamingDetector(loaded.embedder, [loaded.head(everyStep)]);
    const audio = new Float32Array(16_000 * 4).map(
      (_, i) => 0.2 * Math.sin(i * 0.05 * (1 + Math.floor(i / 4000))),
    );
    const raw = plain.push(audio).detections.map((d) => d.score);
    const smoothed = smooth.push(audio).detections.map((d) => d.score);
    expect(raw.length).toBeGreaterThan(10);
    expect(smoothed).toHaveLength(raw.length);
    const relative = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-30);
    // The raw scores move from step to step, so averaging changes them.
    expect(raw.some((score, i) => i > 0 && relative(score, raw[i - 1]!) > 0.01)).toBe(true);
    raw.forEach((score, i) => {
      const expected = i === 0 ? score : (score + raw[i - 1]!) / 2;
      expect(relative(smoothed[i]!, expected)).toBeLessThan(1e-4);
    });
  });

  it("reads an older manifest without smoothing as no smoothing", async () => {
    const dir = join(work, "older");
    await savedHead(dir, { phrase: "hey nova", threshold: 0.6 });
    expect((await loadDetectorDirectory(dir)).head().policy).toEqual({ threshold: 0.6 });
  });

  it("refuses a bad smoothing, a base model and a foreign base, naming the directory", async () => {
    const dir = join(work, "bad-smoothing");
    await savedHead(dir, { phrase: "hey nova", threshold: 0.6 });
    const path = join(dir, "wakeforge.json");
    const manifest = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
    writeFileSync(path, JSON.stringify({ ...manifest, smoothingSteps: 0 }));
    await expect(loadDetectorDirectory(dir)).rejects.toThrow(
      /wakeforge\.json: smoothingSteps must be a positive integer, got 0/,
    );

    writeFileSync(path, JSON.stringify({ ...manifest, kind: "base" }));
    const base = loadDetectorDirectory(dir);
    await expect(base).rejects.toBeInstanceOf(ModelFormatError);
    await expect(base).rejects.toThrow(
      `${dir}: holds a base model; detection needs a trigger-word head`,
    );

    writeFileSync(
      path,
      JSON.stringify({ ...manifest, base: { id: "tones", version: "1", sha256: "0" } }),
    );
    await expect(loadDetectorDirectory(dir)).rejects.toThrow(/trained on base "tones"/);
  });
});
