import {
  closeSync,
  mkdtempSync,
  openSync,
  rmSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { decodeWav } from "../wav/decode-wav.js";
import { encodeWav } from "../wav/encode-wav.js";
import { readAudioFile } from "./read-audio-file.js";
import { readWavFileInfo, streamWavFile } from "./wav-file-stream.js";

const work = mkdtempSync(join(tmpdir(), "wakeforge-wavfile-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const RATE_HZ = 16000;

function tone(frames: number, hz: number, amplitude = 0.5): Float32Array {
  return Float32Array.from(
    { length: frames },
    (_, i) => amplitude * Math.sin((2 * Math.PI * hz * i) / RATE_HZ),
  );
}

/** A 44-byte PCM16 mono header for `frames` samples. */
function pcm16Header(frames: number): Uint8Array {
  const header = encodeWav(new Float32Array(1), RATE_HZ).slice(0, 44);
  const view = new DataView(header.buffer);
  view.setUint32(4, 36 + frames * 2, true);
  view.setUint32(40, frames * 2, true);
  return header;
}

describe("WAV files on disk", () => {
  it("streams a three-hour recording in bounded memory and refuses to load it whole", async () => {
    const frames = 3 * 3600 * RATE_HZ;
    const path = join(work, "three-hours.wav");
    // A sparse file: the header, a tone at the start and at the end, silence between.
    writeFileSync(path, pcm16Header(frames));
    truncateSync(path, 44 + frames * 2);
    const marker = encodeWav(tone(RATE_HZ, 1000), RATE_HZ).subarray(44);
    const fd = openSync(path, "r+");
    writeSync(fd, marker, 0, marker.length, 44);
    writeSync(fd, marker, 0, marker.length, 44 + (frames - RATE_HZ) * 2);
    closeSync(fd);

    const info = await readWavFileInfo(path);
    expect(info.durationSeconds).toBe(3 * 3600);

    await expect(readAudioFile(path)).rejects.toMatchObject({
      code: "TOO_LONG",
      message: expect.stringMatching(/three-hours\.wav: lasts 3 h 0 min, more than the 1 h 0 min/),
    });

    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    let seen = 0;
    let firstPeak = 0;
    let lastPeak = 0;
    let middlePeak = 0;
    for await (const block of streamWavFile(path, { blockFrames: 10 * RATE_HZ })) {
      expect(block.startFrame).toBe(seen);
      let peak = 0;
      for (const v of block.samples) peak = Math.max(peak, Math.abs(v));
      if (block.startFrame === 0) firstPeak = peak;
      else if (block.startFrame + block.samples.length === frames) lastPeak = peak;
      else middlePeak = Math.max(middlePeak, peak);
      seen += block.samples.length;
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }
    expect(seen).toBe(frames);
    expect(firstPeak).toBeCloseTo(0.5, 3);
    expect(lastPeak).toBeCloseTo(0.5, 3);
    expect(middlePeak).toBe(0);
    // 345 MB of audio went through; memory grew by far less than that.
    expect(peakRss - rssBefore).toBeLessThan(64 * 2 ** 20);
  });

  it("streams exactly what decodeWav returns, at any block size", async () => {
    const signal = tone(12_345, 440);
    const bytes = encodeWav(signal, RATE_HZ, { format: "float32" });
    const path = join(work, "tone.wav");
    writeFileSync(path, bytes);
    const whole = decodeWav(bytes).samples;
    for (const blockFrames of [1, 999, 12_345, 100_000]) {
      const parts: number[] = [];
      for await (const block of streamWavFile(path, { blockFrames })) parts.push(...block.samples);
      expect(Float32Array.from(parts)).toEqual(whole);
    }
  });

  it("finds the audio behind large metadata chunks", async () => {
    const wav = encodeWav(tone(1600, 440), RATE_HZ);
    const list = new Uint8Array(8 + 200_000);
    list.set(new TextEncoder().encode("LIST"), 0);
    new DataView(list.buffer).setUint32(4, 200_000, true);
    const withList = new Uint8Array(wav.length + list.length);
    withList.set(wav.subarray(0, 36), 0); // RIFF header and fmt chunk
    withList.set(list, 36);
    withList.set(wav.subarray(36), 36 + list.length); // data chunk
    const path = join(work, "tagged.wav");
    writeFileSync(path, withList);
    const info = await readWavFileInfo(path);
    expect(info.frames).toBe(1600);
    expect((await readAudioFile(path)).samples).toEqual(decodeWav(wav).samples);
  });

  it("names the file and the problem for empty, truncated and damaged files", async () => {
    const empty = join(work, "empty.wav");
    writeFileSync(empty, new Uint8Array(0));
    await expect(readAudioFile(empty)).rejects.toMatchObject({
      code: "EMPTY_FILE",
      fileName: empty,
    });

    const cut = join(work, "cut.wav");
    writeFileSync(cut, encodeWav(tone(16_000, 440), RATE_HZ).subarray(0, 1000));
    await expect(readWavFileInfo(cut)).rejects.toMatchObject({
      code: "DATA_CHUNK_OVERRUN",
      message: expect.stringContaining(`${cut}: data chunk claims 32000 bytes but only 956 remain`),
    });

    // The encoder refuses NaN, so write one into the encoded float samples directly.
    const withNan = encodeWav(tone(3000, 440), RATE_HZ, { format: "float32" });
    const dataAt = Buffer.from(withNan).indexOf("data") + 8;
    new DataView(withNan.buffer).setFloat32(dataAt + 2500 * 4, Number.NaN, true);
    const nanPath = join(work, "nan.wav");
    writeFileSync(nanPath, withNan);
    const drain = async () => {
      for await (const _block of streamWavFile(nanPath, { blockFrames: 1000 })) void _block;
    };
    await expect(drain()).rejects.toThrow(
      `${nanPath}: sample 2500 of channel 0 (at 0.156 s) is NaN`,
    );
  });
});
