// Uploads made of real generated audio: tones written as WAV (and encoded by ffmpeg for the
// compressed formats), a WAV cut off mid-data, an empty file, a text file named .wav, a file
// over the size limit.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decodeWav, encodeWav } from "@wakeforge/audio";
import { afterAll, describe, expect, it } from "vitest";
import { tone, toneWav } from "../test-audio";
import { prepareAudio } from "./prepare-audio";
import { UploadError } from "./upload-error";
import { DEFAULT_UPLOAD_LIMITS } from "./upload-limits";

const work = mkdtempSync(join(tmpdir(), "wakeforge-upload-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A stereo 440 Hz tone of `seconds` (amplitude 0.5), encoded by ffmpeg with `codecArgs` into `name`. */
function ffmpegTone(name: string, codecArgs: readonly string[], seconds = 1): Uint8Array {
  const source = join(work, `${name}.source.wav`);
  writeFileSync(source, encodeWav(tone(seconds, 48_000), 48_000));
  const out = join(work, name);
  // Both channels carry the tone at full level (a plain -ac 2 would lower it by 3 dB).
  const toStereo = ["-af", "pan=stereo|c0=c0|c1=c0"];
  execFileSync("ffmpeg", [
    "-loglevel",
    "error",
    "-y",
    "-i",
    source,
    ...toStereo,
    ...codecArgs,
    out,
  ]);
  return new Uint8Array(readFileSync(out));
}

async function refusal(bytes: Uint8Array, name: string, limits = DEFAULT_UPLOAD_LIMITS) {
  try {
    await prepareAudio(bytes, name, limits);
  } catch (error) {
    if (error instanceof UploadError) return error;
    throw error;
  }
  throw new Error(`${name} was accepted`);
}

describe("prepareAudio accepts", () => {
  it("a 44.1 kHz stereo WAV tone, stored as 16 kHz mono 16-bit WAV", async () => {
    const stereo = ffmpegTone("stereo.wav", ["-ar", "44100", "-c:a", "pcm_s16le"], 1.5);
    const prepared = await prepareAudio(stereo, "tone.wav");
    expect(prepared).toMatchObject({
      originalFormat: "wav",
      originalSampleRateHz: 44_100,
      originalChannels: 2,
    });
    expect(prepared.durationSeconds).toBeCloseTo(1.5, 3);
    const stored = decodeWav(prepared.wav);
    expect(stored).toMatchObject({
      sampleRateHz: 16_000,
      sourceChannels: 1,
      sourceFormat: "pcm16",
    });
    expect(stored.samples.length).toBe(24_000);
    const peak = stored.samples.reduce((max, v) => Math.max(max, Math.abs(v)), 0);
    expect(peak).toBeCloseTo(0.5, 2);
  });

  it.each([
    ["MP3", "tone.mp3", ["-c:a", "libmp3lame", "-b:a", "96k"], "mp3"],
    ["OGG Vorbis", "tone.ogg", ["-c:a", "libvorbis"], "ogg-vorbis"],
    ["OGG Opus", "tone.opus", ["-c:a", "libopus"], "ogg-opus"],
    ["WebM", "tone.webm", ["-c:a", "libopus"], "webm"],
  ] as const)("%s, recognised from its bytes", async (_kind, name, args, container) => {
    const bytes = ffmpegTone(name, args);
    // Named .wav on purpose: the extension is not what decides.
    const prepared = await prepareAudio(bytes, "renamed.wav");
    expect(prepared.originalFormat).toBe(container);
    expect(prepared.durationSeconds).toBeGreaterThan(0.95);
    expect(prepared.durationSeconds).toBeLessThan(1.1);
    expect(decodeWav(prepared.wav).sampleRateHz).toBe(16_000);
  });
});

describe("prepareAudio refuses, naming the file", () => {
  it("an empty file", async () => {
    const error = await refusal(new Uint8Array(0), "empty.wav");
    expect(error.code).toBe("EMPTY_FILE");
    expect(error.status).toBe(422);
    expect(error.message).toBe("empty.wav: file is empty (0 bytes)");
  });

  it("a WAV cut off in the middle of its data", async () => {
    const whole = toneWav(1);
    const error = await refusal(whole.subarray(0, 44 + 10_000), "cut.wav");
    expect(error.code).toBe("CORRUPT_AUDIO");
    expect(error.message).toMatch(/^cut\.wav: is a damaged WAV: .*32000.*10000/);
  });

  it("a text file renamed .wav", async () => {
    const text = new TextEncoder().encode("hey nova, this is a note, not a recording\n");
    const error = await refusal(text, "notes.wav");
    expect(error.code).toBe("UNSUPPORTED_FORMAT");
    expect(error.status).toBe(415);
    expect(error.message).toBe(
      "notes.wav: is text, not audio; upload WAV, MP3, OGG (Vorbis or Opus), WebM (Opus) or FLAC",
    );
  });

  it("binary that is no audio format, quoting its first bytes", async () => {
    const png = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13);
    const error = await refusal(png, "picture.mp3");
    expect(error.message).toMatch(
      /^picture\.mp3: is not a recognised audio format \(starts with 89 50 4e 47 0d 0a 1a 0a\)/,
    );
  });

  it("a WAV over the size limit, before decoding it", async () => {
    const huge = new Uint8Array(DEFAULT_UPLOAD_LIMITS.maxWavBytes + 1);
    huge.set(toneWav(0.01).subarray(0, 44));
    const error = await refusal(huge, "huge.wav");
    expect(error.code).toBe("TOO_LARGE");
    expect(error.status).toBe(413);
    expect(error.message).toBe("huge.wav: is 64 MiB, over the 64 MiB limit for WAV files");
  });

  it("a compressed file over the lower limit for compressed formats", async () => {
    const mp3 = ffmpegTone("limit.mp3", ["-c:a", "libmp3lame", "-b:a", "96k"]);
    const error = await refusal(mp3, "song.mp3", {
      ...DEFAULT_UPLOAD_LIMITS,
      maxCompressedBytes: 1000,
    });
    expect(error.code).toBe("TOO_LARGE");
    expect(error.message).toMatch(/^song\.mp3: is \d+ KiB, over the 1 KiB limit for MP3 files$/);
  });

  it("audio longer or shorter than the limits", async () => {
    const long = await refusal(toneWav(2), "long.wav", {
      ...DEFAULT_UPLOAD_LIMITS,
      maxDurationSeconds: 1,
    });
    expect(long.code).toBe("TOO_LONG");
    expect(long.message).toBe(
      "long.wav: lasts 2 s; the limit is 1 s a file (split longer recordings)",
    );
    const short = await refusal(toneWav(0.05), "blip.wav");
    expect(short.code).toBe("TOO_SHORT");
    expect(short.message).toBe("blip.wav: lasts 50 ms; at least 200 ms is needed to hold a word");
  });

  it("digital silence", async () => {
    const error = await refusal(encodeWav(new Float32Array(16_000), 16_000), "quiet.wav");
    expect(error.code).toBe("SILENT");
    expect(error.message).toBe("quiet.wav: holds only digital silence: nothing was recorded");
  });
});
