// WAV files written by other programs (sox, ffmpeg, espeak-ng) decode as those programs meant,
// and files encodeWav writes are read correctly by sox. Skipped only where a program is missing.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { decodeWav } from "./decode-wav.js";
import { encodeWav } from "./encode-wav.js";
import {
  DECODE_TOLERANCE,
  maxAbsDifference,
  rms,
  sineAmplitude,
  tone,
  type FixtureFormat,
} from "./test-fixtures.js";

const runs = (program: string, versionFlag: string) =>
  spawnSync(program, [versionFlag], { stdio: "ignore" }).status === 0;
const hasSox = runs("sox", "--version");
const hasFfmpeg = runs("ffmpeg", "-version");
const hasEspeak = runs("espeak-ng", "--version");

const scratch = mkdtempSync(join(tmpdir(), "wakeforge-wav-interop-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const RATE_HZ = 16_000;
const SECONDS = 0.25; // 110 whole periods of 440 Hz, so sineAmplitude is exact
const AMPLITUDE = 0.5;

/** sox's own sine, written to a file (so sox can finalise the header) in the given encoding. */
function soxTone(
  format: FixtureFormat,
  channelFrequenciesHz: readonly number[] = [440],
): Uint8Array {
  const encoding: Record<FixtureFormat, string[]> = {
    pcm8: ["-b", "8", "-e", "unsigned-integer"],
    pcm16: ["-b", "16", "-e", "signed-integer"],
    pcm24: ["-b", "24", "-e", "signed-integer"],
    pcm32: ["-b", "32", "-e", "signed-integer"],
    float32: ["-b", "32", "-e", "floating-point"],
    float64: ["-b", "64", "-e", "floating-point"],
  };
  const path = join(scratch, `sox-${format}-${channelFrequenciesHz.length}.wav`);
  const tones = channelFrequenciesHz.flatMap((hz) => ["sine", String(hz)]);
  // -D: no dither, so every encoding is a plain rounding of the same internal signal.
  execFileSync("sox", [
    "-D",
    "-n",
    "-r",
    String(RATE_HZ),
    "-c",
    String(channelFrequenciesHz.length),
    ...encoding[format],
    path,
    "synth",
    String(SECONDS),
    ...tones,
    "vol",
    String(AMPLITUDE),
  ]);
  return readFileSync(path);
}

describe.skipIf(!hasSox)("WAV files written by sox", () => {
  const reference = hasSox
    ? decodeWav(soxTone("float64"), { fileName: "sox-float64.wav" })
    : undefined;

  it("the float64 reference is sox's 440 Hz sine at the requested amplitude", () => {
    expect(reference?.sampleRateHz).toBe(RATE_HZ);
    expect(reference?.samples.length).toBe(RATE_HZ * SECONDS);
    const samples = reference?.samples ?? new Float32Array(0);
    expect(sineAmplitude(samples, 440, RATE_HZ)).toBeCloseTo(AMPLITUDE, 3);
    expect(rms(samples)).toBeCloseTo(AMPLITUDE / Math.SQRT2, 3);
  });

  it.each(["pcm8", "pcm16", "pcm24", "pcm32", "float32"] as const)(
    "%s decodes to the reference within its quantisation step",
    (format) => {
      const decoded = decodeWav(soxTone(format), { fileName: `sox-${format}.wav` });
      expect(decoded.sourceFormat).toBe(format);
      expect(decoded.sampleRateHz).toBe(RATE_HZ);
      expect(maxAbsDifference(decoded.samples, reference?.samples ?? [])).toBeLessThanOrEqual(
        DECODE_TOLERANCE[format] + 1e-9,
      );
    },
  );

  it("a 6-channel extensible 24-bit file mixes each channel's tone in at a sixth", () => {
    const frequencies = [200, 400, 600, 800, 1000, 1200];
    const bytes = soxTone("pcm24", frequencies);
    expect(new DataView(bytes.buffer, bytes.byteOffset).getUint16(20, true)).toBe(0xfffe);
    const decoded = decodeWav(bytes, { fileName: "sox-6ch.wav" });
    expect(decoded.sourceChannels).toBe(6);
    for (const hz of frequencies) {
      expect(sineAmplitude(decoded.samples, hz, RATE_HZ)).toBeCloseTo(AMPLITUDE / 6, 3);
    }
    expect(sineAmplitude(decoded.samples, 300, RATE_HZ)).toBeLessThan(1e-3);
  });

  it("reads files encodeWav wrote, in both formats", () => {
    const signal = Float32Array.from(
      tone({ frequencyHz: 523.25, amplitude: 0.9, durationSeconds: 0.5, sampleRateHz: 22_050 }),
    );
    for (const format of ["pcm16", "float32"] as const) {
      const path = join(scratch, `encoded-${format}.wav`);
      writeFileSync(path, encodeWav(signal, 22_050, { format }));
      const info = execFileSync("soxi", [path], { encoding: "utf8" });
      expect(info).toMatch(/Channels\s*:\s*1/);
      expect(info).toMatch(/Sample Rate\s*:\s*22050/);
      expect(info).toMatch(
        format === "pcm16" ? /16-bit Signed Integer PCM/ : /32-bit Floating Point PCM/,
      );
      const stats = spawnSync("sox", [path, "-n", "stat"], { encoding: "utf8" }).stderr;
      const rmsText = /RMS\s+amplitude:\s+([\d.]+)/.exec(stats)?.[1];
      expect(Number(rmsText)).toBeCloseTo(rms(signal), 3);
    }
  });
});

describe.skipIf(!hasFfmpeg)("WAV streamed through a pipe by ffmpeg", () => {
  it("decodes although the header says 0xffffffff bytes of data", () => {
    const bytes = execFileSync("ffmpeg", [
      "-loglevel",
      "error",
      "-f",
      "lavfi",
      "-i",
      `sine=frequency=440:sample_rate=${RATE_HZ}:duration=${SECONDS}`,
      "-c:a",
      "pcm_s16le",
      "-f",
      "wav",
      "-",
    ]);
    const dataAt = Buffer.from(bytes).indexOf("data");
    expect(new DataView(bytes.buffer, bytes.byteOffset).getUint32(dataAt + 4, true)).toBe(
      0xffffffff,
    );
    const decoded = decodeWav(bytes, { fileName: "ffmpeg-pipe.wav" });
    expect(decoded.sourceFormat).toBe("pcm16");
    expect(decoded.samples.length).toBe(RATE_HZ * SECONDS);
    // ffmpeg's sine source has an amplitude of 1/8.
    expect(sineAmplitude(decoded.samples, 440, RATE_HZ)).toBeCloseTo(1 / 8, 3);
  });
});

describe.skipIf(!hasEspeak)("speech written by espeak-ng", () => {
  it("decodes a file from `espeak-ng -w` and the same speech from `--stdout`", () => {
    const path = join(scratch, "hey-nova.wav");
    execFileSync("espeak-ng", ["-w", path, "hey nova"]);
    const fromFile = decodeWav(readFileSync(path), { fileName: "hey-nova.wav" });
    expect(fromFile.sourceFormat).toBe("pcm16");
    expect(fromFile.sourceChannels).toBe(1);
    expect(fromFile.sampleRateHz).toBe(22_050);
    expect(fromFile.durationSeconds).toBeGreaterThan(0.3);
    expect(fromFile.durationSeconds).toBeLessThan(3);
    expect(rms(fromFile.samples)).toBeGreaterThan(0.01);

    // Piped output keeps espeak-ng's placeholder sizes; the samples must be the same.
    const fromPipe = decodeWav(execFileSync("espeak-ng", ["--stdout", "hey nova"]));
    expect(fromPipe.samples).toEqual(fromFile.samples);
  });
});
