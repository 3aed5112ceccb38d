import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { AudioEncodeError } from "../errors.js";
import { decodeWav } from "../wav/decode-wav.js";
import { encodeWav } from "../wav/encode-wav.js";
import { createWavFileWriter } from "./wav-file-writer.js";

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "wakeforge-wav-writer-"));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

function ramp(length: number): Float32Array {
  // Covers both signs, full scale and beyond (clipped), and values between steps.
  return Float32Array.from({ length }, (_, i) => Math.sin(i * 0.01) * 1.2);
}

describe("createWavFileWriter", () => {
  it.each(["pcm16", "float32"] as const)(
    "writes block by block the same bytes encodeWav writes at once (%s)",
    async (format) => {
      const dir = await tempDir();
      const path = join(dir, "out.wav");
      const samples = ramp(10_007);
      const writer = await createWavFileWriter(path, 16_000, { format });
      for (let at = 0; at < samples.length; at += 1_000) {
        await writer.write(samples.subarray(at, at + 1_000));
      }
      expect(writer.frames).toBe(samples.length);
      await writer.close();
      const bytes = new Uint8Array(await readFile(path));
      expect(Buffer.compare(bytes, encodeWav(samples, 16_000, { format }))).toBe(0);
      const decoded = decodeWav(bytes, { fileName: path });
      expect(decoded.sampleRateHz).toBe(16_000);
      expect(decoded.samples).toEqual(decodeWav(encodeWav(samples, 16_000, { format })).samples);
      expect(await readdir(dir)).toEqual(["out.wav"]);
    },
  );

  it("leaves nothing at the final path until close, and nothing at all after abort", async () => {
    const dir = await tempDir();
    const path = join(dir, "crash.wav");
    const writer = await createWavFileWriter(path, 16_000);
    await writer.write(ramp(5_000));
    // A crash here (no close) leaves only the temporary file, never a partial final file.
    expect(await readdir(dir)).not.toContain("crash.wav");
    await writer.abort();
    expect(await readdir(dir)).toEqual([]);
    await expect(writer.write(ramp(10))).rejects.toThrow(/after close or abort/);
  });

  it("rejects bad rates, non-finite samples and an empty file", async () => {
    const dir = await tempDir();
    await expect(createWavFileWriter(join(dir, "a.wav"), 0)).rejects.toThrow(AudioEncodeError);
    const writer = await createWavFileWriter(join(dir, "b.wav"), 16_000);
    await writer.write(ramp(3));
    await expect(writer.write(Float32Array.of(0, Number.NaN))).rejects.toThrow(/sample 4 is NaN/);
    await writer.abort();
    const empty = await createWavFileWriter(join(dir, "c.wav"), 16_000);
    await expect(empty.close()).rejects.toMatchObject({ code: "NO_SAMPLES" });
    expect(await readdir(dir)).toEqual([]);
  });
});
