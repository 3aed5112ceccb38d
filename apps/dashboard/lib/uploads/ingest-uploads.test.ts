import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { decodeWav } from "@wakeforge/audio";
import { afterEach, describe, expect, it } from "vitest";
import { createTestStore, type TestStore } from "../store/test-store";
import { toneWav } from "../test-audio";
import { ingestUploads } from "./ingest-uploads";
import { UploadRejectedError } from "./upload-error";

let current: TestStore | undefined;
afterEach(() => current?.dispose());

describe("ingestUploads", () => {
  it("stores good files as 16 kHz WAV with where they came from", async () => {
    current = createTestStore();
    const { store } = current;
    const project = await store.createProject({ phrase: "hey nova" });
    const samples = await ingestUploads(store, project.id, {
      label: "positive",
      source: "recorded",
      files: [{ name: "take-1.wav", bytes: toneWav(1, 48_000) }],
    });
    expect(samples).toHaveLength(1);
    expect(samples[0]).toMatchObject({
      label: "positive",
      source: "recorded",
      originalName: "take-1.wav",
      originalFormat: "wav",
      originalSampleRateHz: 48_000,
      sampleRateHz: 16_000,
    });
    const stored = decodeWav(
      new Uint8Array(readFileSync(store.sampleFile(project.id, samples[0]!.id))),
    );
    expect(stored.sampleRateHz).toBe(16_000);
    expect(stored.durationSeconds).toBeCloseTo(1, 3);
  });

  it("changes nothing when any file is bad, and names every bad file", async () => {
    current = createTestStore();
    const { store, dataDir } = current;
    const project = await store.createProject({ phrase: "hey nova" });
    const attempt = ingestUploads(store, project.id, {
      label: "negative",
      source: "uploaded",
      files: [
        { name: "good.wav", bytes: toneWav(1) },
        { name: "empty.wav", bytes: new Uint8Array(0) },
        { name: "readme.wav", bytes: new TextEncoder().encode("# notes\n") },
      ],
    });
    await expect(attempt).rejects.toBeInstanceOf(UploadRejectedError);
    const error = (await attempt.catch((e: unknown) => e)) as UploadRejectedError;
    expect(error.status).toBe(422);
    expect(error.errors.map((e) => [e.fileName, e.code])).toEqual([
      ["empty.wav", "EMPTY_FILE"],
      ["readme.wav", "UNSUPPORTED_FORMAT"],
    ]);
    expect(error.message).toMatch(
      /^2 files were refused, so none was added: empty\.wav: file is empty/,
    );
    expect(store.listSamples(project.id)).toEqual([]);
    expect(readdirSync(join(dataDir, "projects", project.id, "samples"))).toEqual([]);
  });

  it("answers a single bad file with its own code and status", async () => {
    current = createTestStore();
    const { store } = current;
    const project = await store.createProject({ phrase: "hey nova" });
    const error = (await ingestUploads(store, project.id, {
      label: "negative",
      source: "uploaded",
      files: [{ name: "notes.wav", bytes: new TextEncoder().encode("hello") }],
    }).catch((e: unknown) => e)) as UploadRejectedError;
    expect(error.code).toBe("UNSUPPORTED_FORMAT");
    expect(error.status).toBe(415);
    expect(error.message).toMatch(/^notes\.wav: is text, not audio/);
  });
});
