import { describe, expect, it } from "vitest";
import { decodeWav } from "./decode-wav.js";
import {
  DECODE_TOLERANCE,
  FIXTURE_FORMATS,
  fmtChunk,
  interleavedSamples,
  maxAbsDifference,
  meanOfChannels,
  riffFile,
  tone,
  wavFixture,
  type FixtureFormat,
} from "./test-fixtures.js";

const RATE_HZ = 16_000;
const a440 = tone({
  frequencyHz: 440,
  amplitude: 0.8,
  durationSeconds: 0.25,
  sampleRateHz: RATE_HZ,
});

describe("decodeWav round trips a generated tone", () => {
  const cases = FIXTURE_FORMATS.flatMap((format) => [
    { format, extensible: false },
    { format, extensible: true },
  ]);

  it.each(cases)("$format (extensible: $extensible)", ({ format, extensible }) => {
    const bytes = wavFixture({ channels: [a440], sampleRateHz: RATE_HZ, format, extensible });
    const decoded = decodeWav(bytes, { fileName: `tone-${format}.wav` });

    expect(decoded.sampleRateHz).toBe(RATE_HZ);
    expect(decoded.sourceChannels).toBe(1);
    expect(decoded.sourceFormat).toBe(format);
    expect(decoded.samples).toBeInstanceOf(Float32Array);
    expect(decoded.samples.length).toBe(a440.length);
    expect(decoded.durationSeconds).toBeCloseTo(a440.length / RATE_HZ, 12);
    expect(maxAbsDifference(decoded.samples, a440)).toBeLessThanOrEqual(DECODE_TOLERANCE[format]);
  });

  // Full-scale codes and tiny negatives are where sign extension and offsets go wrong.
  it.each(FIXTURE_FORMATS)("%s keeps extreme and near-zero values", (format) => {
    const step = format.startsWith("pcm") ? 2 ** -(Number(format.slice(3)) - 1) : 0;
    const edges = [-1, -0.5, -step, 0, step, 0.5, 1 - step];
    const decoded = decodeWav(wavFixture({ channels: [edges], sampleRateHz: RATE_HZ, format }));
    expect(maxAbsDifference(decoded.samples, edges)).toBeLessThanOrEqual(DECODE_TOLERANCE[format]);
  });

  it("float formats keep values beyond ±1 instead of clipping them", () => {
    const loud = [1.5, -2.25, 0.125];
    for (const format of ["float32", "float64"] as const) {
      const decoded = decodeWav(wavFixture({ channels: [loud], sampleRateHz: RATE_HZ, format }));
      expect(Array.from(decoded.samples)).toEqual(loud);
    }
  });

  it("keeps any plausible sample rate and derives the duration from it", () => {
    for (const sampleRateHz of [8_000, 22_050, 44_100, 48_000, 96_000]) {
      const signal = tone({ frequencyHz: 300, amplitude: 0.5, durationSeconds: 0.1, sampleRateHz });
      const decoded = decodeWav(wavFixture({ channels: [signal], sampleRateHz, format: "pcm16" }));
      expect(decoded.sampleRateHz).toBe(sampleRateHz);
      expect(decoded.samples.length).toBe(signal.length);
      expect(decoded.durationSeconds).toBeCloseTo(0.1, 9);
    }
  });

  it("reads samples narrower than their container (12-bit in 16, 20-bit in 24)", () => {
    const narrow: { format: FixtureFormat; bits: number; extensible: boolean }[] = [
      { format: "pcm16", bits: 12, extensible: false },
      { format: "pcm24", bits: 20, extensible: true },
    ];
    for (const { format, bits, extensible } of narrow) {
      const bytes = wavFixture({
        channels: [a440],
        sampleRateHz: RATE_HZ,
        format,
        extensible,
        significantBits: bits,
      });
      const decoded = decodeWav(bytes);
      expect(decoded.sourceFormat).toBe(format);
      expect(maxAbsDifference(decoded.samples, a440)).toBeLessThanOrEqual(
        0.5 / 2 ** (bits - 1) + 1e-7,
      );
    }
  });
});

describe("decodeWav mixes channels to mono", () => {
  it("averages a stereo pair with different content per channel", () => {
    const left = tone({
      frequencyHz: 440,
      amplitude: 0.6,
      durationSeconds: 0.2,
      sampleRateHz: RATE_HZ,
    });
    const right = tone({
      frequencyHz: 1000,
      amplitude: 0.3,
      durationSeconds: 0.2,
      sampleRateHz: RATE_HZ,
    });
    for (const format of FIXTURE_FORMATS) {
      const decoded = decodeWav(
        wavFixture({ channels: [left, right], sampleRateHz: RATE_HZ, format }),
      );
      expect(decoded.sourceChannels).toBe(2);
      expect(maxAbsDifference(decoded.samples, meanOfChannels([left, right]))).toBeLessThanOrEqual(
        DECODE_TOLERANCE[format],
      );
    }
  });

  it("cancels opposite channels, so no single channel is passed through", () => {
    const inverted = a440.map((value) => -value);
    const decoded = decodeWav(
      wavFixture({ channels: [a440, inverted], sampleRateHz: RATE_HZ, format: "float32" }),
    );
    expect(maxAbsDifference(decoded.samples, new Float64Array(a440.length))).toBeLessThan(1e-7);
  });

  it.each([
    { format: "pcm16" as const, extensible: false },
    { format: "pcm24" as const, extensible: true },
    { format: "float32" as const, extensible: true },
  ])("averages six channels ($format, extensible: $extensible)", ({ format, extensible }) => {
    const channels = Array.from({ length: 6 }, (_, k) =>
      tone({
        frequencyHz: 200 * (k + 1),
        amplitude: 0.1 * (k + 1),
        durationSeconds: 0.2,
        sampleRateHz: RATE_HZ,
        phaseRadians: k,
      }),
    );
    const decoded = decodeWav(wavFixture({ channels, sampleRateHz: RATE_HZ, format, extensible }));
    expect(decoded.sourceChannels).toBe(6);
    expect(maxAbsDifference(decoded.samples, meanOfChannels(channels))).toBeLessThanOrEqual(
      DECODE_TOLERANCE[format],
    );
  });
});

describe("decodeWav walks the RIFF chunks", () => {
  const oddChunk = (id: string, length: number) => ({
    id,
    body: Uint8Array.from({ length }, (_, i) => (i * 37) & 0xff),
  });

  it("skips unknown chunks of odd length (with their pad byte) anywhere", () => {
    const bytes = wavFixture({
      channels: [a440],
      sampleRateHz: RATE_HZ,
      format: "pcm16",
      chunksBeforeFmt: [oddChunk("JUNK", 7)],
      chunksBeforeData: [oddChunk("LIST", 13), oddChunk("fact", 4)],
      chunksAfterData: [oddChunk("id3 ", 9)],
    });
    const decoded = decodeWav(bytes);
    expect(maxAbsDifference(decoded.samples, a440)).toBeLessThanOrEqual(DECODE_TOLERANCE.pcm16);
  });

  it("finds a fmt chunk that comes after the data chunk", () => {
    const fmt = fmtChunk({ formatTag: 1, channels: 1, sampleRateHz: RATE_HZ, bitsPerSample: 16 });
    const data = { id: "data", body: interleavedSamples([a440], "pcm16") };
    const decoded = decodeWav(riffFile([oddChunk("LIST", 3), data, fmt]));
    expect(maxAbsDifference(decoded.samples, a440)).toBeLessThanOrEqual(DECODE_TOLERANCE.pcm16);
  });

  it("reads an odd-length data chunk of 8-bit samples followed by another chunk", () => {
    const odd = a440.subarray(0, 101);
    const bytes = wavFixture({
      channels: [odd],
      sampleRateHz: RATE_HZ,
      format: "pcm8",
      chunksAfterData: [oddChunk("LIST", 10)],
    });
    const decoded = decodeWav(bytes);
    expect(decoded.samples.length).toBe(101);
    expect(maxAbsDifference(decoded.samples, odd)).toBeLessThanOrEqual(DECODE_TOLERANCE.pcm8);
  });

  it("reads bytes that are a view into a larger buffer at an odd offset", () => {
    const wav = wavFixture({ channels: [a440], sampleRateHz: RATE_HZ, format: "pcm24" });
    const backing = new Uint8Array(wav.length + 10).fill(0xee);
    backing.set(wav, 3);
    const decoded = decodeWav(backing.subarray(3, 3 + wav.length));
    expect(maxAbsDifference(decoded.samples, a440)).toBeLessThanOrEqual(DECODE_TOLERANCE.pcm24);
  });

  it("ignores a RIFF size that disagrees with the file", () => {
    const fmt = fmtChunk({ formatTag: 1, channels: 1, sampleRateHz: RATE_HZ, bitsPerSample: 16 });
    const data = { id: "data", body: interleavedSamples([a440], "pcm16") };
    for (const riffSize of [0, 36, 0xffffffff]) {
      const decoded = decodeWav(riffFile([fmt, data], { riffSize }));
      expect(decoded.samples.length).toBe(a440.length);
    }
  });
});

describe("decodeWav reads streamed files whose header could not be finalised", () => {
  // Pipes cannot seek back, so sox and espeak-ng leave ~0x7ffff000 and ffmpeg 0xffffffff.
  it.each([0x7ffff000, 0x7fffeff6, 0xffffffff])("data size placeholder %i", (placeholder) => {
    const fmt = fmtChunk({ formatTag: 1, channels: 2, sampleRateHz: RATE_HZ, bitsPerSample: 16 });
    const quieter = a440.map((value) => value / 2);
    const samples = interleavedSamples([a440, quieter], "pcm16");
    // The stream was cut in the middle of a frame: three stray bytes after the last whole one.
    const cut = samples.subarray(0, samples.length - 1);
    const bytes = riffFile([fmt, { id: "data", body: cut, declaredSize: placeholder }], {
      riffSize: placeholder,
    });
    const decoded = decodeWav(bytes.subarray(0, bytes.length - (cut.length % 2)));
    expect(decoded.samples.length).toBe(a440.length - 1);
    const expected = meanOfChannels([a440, quieter]).subarray(0, a440.length - 1);
    expect(maxAbsDifference(decoded.samples, expected)).toBeLessThanOrEqual(DECODE_TOLERANCE.pcm16);
  });
});
