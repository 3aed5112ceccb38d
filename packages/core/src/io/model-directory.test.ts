import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import {
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as tf from "@tensorflow/tfjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initBackend } from "../backends/node-backends.js";
import { buildHead } from "../surgery/head-spec.js";
import { writeDirectoryAtomic } from "./atomic-write.js";
import { loadModelDirectory, saveModelDirectory } from "./model-directory.js";
import { ModelFormatError, type ModelManifest } from "./model-manifest.js";

const work = mkdtempSync(join(tmpdir(), "wakeforge-modeldir-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
beforeAll(async () => {
  await initBackend("wasm");
});

const manifest: ModelManifest = {
  format: "wakeforge-model",
  formatVersion: 1,
  kind: "head",
  phrase: "hey nova",
  window: { embeddings: 4, frames: 76, hopFrames: 8 },
  sampleRateHz: 16000,
  threshold: 0.62,
  createdAt: "2026-11-29T00:00:00.000Z",
  versions: { tfjs: tf.version.tfjs },
};

function smallHead(seed: number): tf.LayersModel {
  return buildHead(
    { windowEmbeddings: 4, embeddingDims: 6, hidden: [{ units: 5, dropout: 0.1 }] },
    { seed },
  );
}

describe("model directories", () => {
  it("round-trips a model and its manifest: same predictions after loading", async () => {
    const dir = join(work, "roundtrip");
    const model = smallHead(1);
    await saveModelDirectory(dir, model, manifest);
    expect(readdirSync(dir).sort()).toEqual(["model.json", "wakeforge.json", "weights.bin"]);
    await saveModelDirectory(dir, model, manifest, { "metrics.json": "{}", "report.html": "<p>" });
    expect(readdirSync(dir).sort()).toEqual([
      "metrics.json",
      "model.json",
      "report.html",
      "wakeforge.json",
      "weights.bin",
    ]);
    await expect(
      saveModelDirectory(dir, model, manifest, { "../escape.txt": "x" }),
    ).rejects.toThrow(/extra file name "..\/escape.txt" must be a plain file name/);
    const loaded = await loadModelDirectory(dir);
    expect(loaded.manifest).toEqual(manifest);
    const x = tf.randomNormal([3, 4, 6], 0, 1, "float32", 9);
    expect(Array.from((loaded.model.predict(x) as tf.Tensor).dataSync())).toEqual(
      Array.from((model.predict(x) as tf.Tensor).dataSync()),
    );
  });

  it("is plain tfjs: tf.loadLayersModel reads it over HTTP, as a web app would", async () => {
    const dir = join(work, "served");
    const model = smallHead(3);
    await saveModelDirectory(dir, model, manifest);
    const server = createServer((request, response) => {
      const file = join(dir, (request.url ?? "/").replace(/^\//, ""));
      try {
        response.end(readFileSync(file));
      } catch {
        response.statusCode = 404;
        response.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const loaded = await tf.loadLayersModel(`http://127.0.0.1:${port}/model.json`);
      const x = tf.randomNormal([2, 4, 6], 0, 1, "float32", 4);
      expect(Array.from((loaded.predict(x) as tf.Tensor).dataSync())).toEqual(
        Array.from((model.predict(x) as tf.Tensor).dataSync()),
      );
    } finally {
      server.close();
    }
  });

  it("replaces an existing model whole, leaving nothing half-written beside it", async () => {
    const dir = join(work, "replace");
    await saveModelDirectory(dir, smallHead(1), manifest);
    await saveModelDirectory(dir, smallHead(2), { ...manifest, threshold: 0.4 });
    expect((await loadModelDirectory(dir)).manifest.threshold).toBe(0.4);
    expect(readdirSync(work).filter((name) => name.includes("replace"))).toEqual(["replace"]);
  });

  it("keeps the old directory when writing the new one fails midway", async () => {
    const dir = join(work, "keep");
    await saveModelDirectory(dir, smallHead(1), manifest);
    const before = readFileSync(join(dir, "weights.bin"));
    await expect(
      writeDirectoryAtomic(dir, async (temporary) => {
        writeFileSync(join(temporary, "weights.bin"), "partial");
        throw new Error("disk full");
      }),
    ).rejects.toThrow("disk full");
    expect(readFileSync(join(dir, "weights.bin"))).toEqual(before);
    expect(readdirSync(work).filter((name) => name.includes("keep"))).toEqual(["keep"]);
  });

  it("names the file and the problem for damaged or foreign directories", async () => {
    const dir = join(work, "damaged");
    await saveModelDirectory(dir, smallHead(1), manifest);
    truncateSync(join(dir, "weights.bin"), 10);
    await expect(loadModelDirectory(dir)).rejects.toThrow(
      `${join(dir, "weights.bin")}: holds 10 bytes but model.json declares`,
    );

    const foreign = join(work, "foreign");
    await saveModelDirectory(foreign, smallHead(1), manifest);
    writeFileSync(join(foreign, "wakeforge.json"), JSON.stringify({ format: "keras" }));
    const attempt = loadModelDirectory(foreign);
    await expect(attempt).rejects.toBeInstanceOf(ModelFormatError);
    await expect(attempt).rejects.toThrow(
      /wakeforge\.json: format is "keras", not "wakeforge-model"/,
    );

    await expect(loadModelDirectory(join(work, "missing"))).rejects.toThrow(
      /wakeforge\.json: file not found/,
    );

    writeFileSync(join(foreign, "wakeforge.json"), "{ not json");
    await expect(loadModelDirectory(foreign)).rejects.toThrow(/wakeforge\.json: is not valid JSON/);
  });
});
