import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { AudioDecodeError } from "../errors.js";
import { encodeWav } from "../wav/encode-wav.js";
import { decodeAudio } from "./decode-audio.js";
import { sniffAudioContainer } from "./sniff-container.js";

const work = mkdtempSync(join(tmpdir(), "wakeforge-decode-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const TONE_HZ = 440;
const TONE_AMPLITUDE = 0.5;

/** Encodes one second of a 440 Hz tone (written by us, so its level is known) with ffmpeg. */
function ffmpegTone(name: string, codecArgs: string[], sampleRateHz: number): Uint8Array {
  const source = join(work, `${name}.source.wav`);
  const tone = Float32Array.from(
    { length: sampleRateHz },
    (_, i) => TONE_AMPLITUDE * Math.sin((2 * Math.PI * TONE_HZ * i) / sampleRateHz),
  );
  writeFileSync(source, encodeWav(tone, sampleRateHz, { format: "float32" }));
  const path = join(work, name);
  // Stereo with the tone at full level in both channels (plain -ac 2 would lower it by 3 dB).
  const toStereo = ["-af", "pan=stereo|c0=c0|c1=c0"];
  execFileSync("ffmpeg", [
    "-loglevel",
    "error",
    "-y",
    "-i",
    source,
    ...toStereo,
    ...codecArgs,
    path,
  ]);
  return new Uint8Array(readFileSync(path));
}

/** Frequency from positive-going zero crossings over the steady middle of the signal. */
function measuredFrequencyHz(samples: Float32Array, sampleRateHz: number): number {
  const from = Math.floor(samples.length * 0.2);
  const to = Math.floor(samples.length * 0.8);
  const crossings: number[] = [];
  for (let i = from + 1; i < to; i += 1) {
    const a = samples[i - 1] ?? 0;
    const b = samples[i] ?? 0;
    if (a < 0 && b >= 0) crossings.push(i - 1 + a / (a - b));
  }
  const periods = crossings.length - 1;
  return (periods * sampleRateHz) / ((crossings.at(-1) ?? 0) - (crossings[0] ?? 0));
}

function rmsOfMiddle(samples: Float32Array): number {
  const from = Math.floor(samples.length * 0.2);
  const to = Math.floor(samples.length * 0.8);
  let sum = 0;
  for (let i = from; i < to; i += 1) sum += (samples[i] ?? 0) ** 2;
  return Math.sqrt(sum / (to - from));
}

const CASES = [
  { container: "mp3", name: "tone.mp3", args: ["-c:a", "libmp3lame", "-b:a", "128k"], rate: 44100 },
  { container: "flac", name: "tone.flac", args: ["-c:a", "flac"], rate: 44100 },
  { container: "ogg-vorbis", name: "tone.ogg", args: ["-c:a", "libvorbis"], rate: 44100 },
  { container: "ogg-opus", name: "tone.opus", args: ["-c:a", "libopus"], rate: 48000 },
  { container: "webm", name: "tone.webm", args: ["-c:a", "libopus"], rate: 48000 },
] as const;

describe("decodeAudio", () => {
  it.each(CASES)("decodes $container to the tone that was encoded", async (c) => {
    const bytes = ffmpegTone(c.name, [...c.args], c.rate);
    expect(sniffAudioContainer(bytes)).toBe(c.container);
    const decoded = await decodeAudio(bytes, { fileName: c.name });
    expect(decoded.container).toBe(c.container);
    expect(decoded.sampleRateHz).toBe(c.rate);
    // Codecs add priming and padding; a second of audio stays within a few frames of a second.
    expect(decoded.durationSeconds).toBeGreaterThan(0.95);
    expect(decoded.durationSeconds).toBeLessThan(1.1);
    expect(measuredFrequencyHz(decoded.samples, decoded.sampleRateHz)).toBeCloseTo(TONE_HZ, 0);
    // RMS of a sine is amplitude/sqrt(2); lossy codecs keep the level within about 0.5 dB.
    const levelDb = 20 * Math.log10(rmsOfMiddle(decoded.samples) / (TONE_AMPLITUDE / Math.SQRT2));
    expect(Math.abs(levelDb)).toBeLessThan(0.5);
  });

  it("recognises the format from the bytes, not the file name", async () => {
    const webm = ffmpegTone("recording.webm", ["-c:a", "libopus"], 48000);
    const decoded = await decodeAudio(webm, { fileName: "recording.wav" });
    expect(decoded.container).toBe("webm");
  });

  it("decodes WAV through the WAV decoder", async () => {
    const tone = Float32Array.from(
      { length: 1600 },
      (_, i) => 0.25 * Math.sin((2 * Math.PI * i) / 16),
    );
    const decoded = await decodeAudio(encodeWav(tone, 16000), { fileName: "tone.wav" });
    expect(decoded).toMatchObject({ container: "wav", sampleRateHz: 16000, sourceChannels: 1 });
    expect(measuredFrequencyHz(decoded.samples, 16000)).toBeCloseTo(1000, 0);
  });

  it("names the file and the problem for empty and unknown input", async () => {
    await expect(decodeAudio(new Uint8Array(0), { fileName: "empty.mp3" })).rejects.toMatchObject({
      code: "EMPTY_FILE",
      message: "empty.mp3: file is empty (0 bytes)",
    });
    const text = new TextEncoder().encode("<html>not audio</html>");
    const attempt = decodeAudio(text, { fileName: "page.mp3" });
    await expect(attempt).rejects.toBeInstanceOf(AudioDecodeError);
    await expect(attempt).rejects.toThrow(
      /^page\.mp3: not a recognised audio format \(starts with 3c 68 74 6d 6c 3e 6e 6f\)/,
    );
  });

  it("reports a container whose codec data is missing instead of returning silence", async () => {
    const flac = ffmpegTone("cut.flac", ["-c:a", "flac"], 44100);
    const headerOnly = flac.subarray(0, 42); // "fLaC" and STREAMINFO, no audio frames
    await expect(decodeAudio(headerOnly, { fileName: "cut.flac" })).rejects.toMatchObject({
      fileName: "cut.flac",
    });
  });
});
