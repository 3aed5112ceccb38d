import { describe, expect, it } from "vitest";
import { AudioEncodeError, AudioError } from "../errors.js";
import { decodeWav } from "./decode-wav.js";
import { encodeWav } from "./encode-wav.js";
import { maxAbsDifference, tone } from "./test-fixtures.js";

const RATE_HZ = 16_000;
const signal = Float32Array.from(
  tone({ frequencyHz: 523.25, amplitude: 0.9, durationSeconds: 0.3, sampleRateHz: RATE_HZ }),
);

/** The header fields, read with plain byte arithmetic rather than the decoder under test. */
function readHeader(bytes: Uint8Array) {
  const text = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  const u16 = (at: number) => (bytes[at] ?? 0) + 256 * (bytes[at + 1] ?? 0);
  const u32 = (at: number) => u16(at) + 65_536 * u16(at + 2);
  const chunks = new Map<string, { at: number; size: number }>();
  for (let at = 12; at + 8 <= bytes.length; at += 8 + u32(at + 4) + (u32(at + 4) % 2)) {
    chunks.set(text(at), { at: at + 8, size: u32(at + 4) });
  }
  const fmt = chunks.get("fmt ");
  if (fmt === undefined) throw new Error("no fmt chunk");
  return {
    riff: text(0),
    riffSize: u32(4),
    wave: text(8),
    formatTag: u16(fmt.at),
    channels: u16(fmt.at + 2),
    sampleRateHz: u32(fmt.at + 4),
    byteRate: u32(fmt.at + 8),
    blockAlign: u16(fmt.at + 12),
    bitsPerSample: u16(fmt.at + 14),
    chunks,
  };
}

describe("encodeWav", () => {
  it("writes 16-bit PCM mono by default, with a header other readers agree with", () => {
    const bytes = encodeWav(signal, RATE_HZ);
    const header = readHeader(bytes);
    expect(header).toMatchObject({
      riff: "RIFF",
      riffSize: bytes.length - 8,
      wave: "WAVE",
      formatTag: 1,
      channels: 1,
      sampleRateHz: RATE_HZ,
      byteRate: RATE_HZ * 2,
      blockAlign: 2,
      bitsPerSample: 16,
    });
    expect(header.chunks.get("data")?.size).toBe(signal.length * 2);
  });

  it("round trips 16-bit PCM within half a quantisation step", () => {
    const decoded = decodeWav(encodeWav(signal, RATE_HZ, { format: "pcm16" }));
    expect(decoded.sourceFormat).toBe("pcm16");
    expect(decoded.sampleRateHz).toBe(RATE_HZ);
    expect(maxAbsDifference(decoded.samples, signal)).toBeLessThanOrEqual(0.5 / 2 ** 15);
  });

  it("round trips float32 exactly and writes the fact chunk non-PCM WAV requires", () => {
    const bytes = encodeWav(signal, 44_100, { format: "float32" });
    const header = readHeader(bytes);
    expect(header).toMatchObject({
      formatTag: 3,
      blockAlign: 4,
      bitsPerSample: 32,
      byteRate: 44_100 * 4,
    });
    const fact = header.chunks.get("fact");
    expect(fact?.size).toBe(4);
    const sampleFrames = new DataView(bytes.buffer, fact?.at ?? 0, 4).getUint32(0, true);
    expect(sampleFrames).toBe(signal.length);

    const decoded = decodeWav(bytes);
    expect(decoded.sampleRateHz).toBe(44_100);
    expect(decoded.samples).toEqual(signal);
  });

  it("clips 16-bit PCM to full scale but keeps float32 headroom", () => {
    const loud = Float32Array.of(1.5, -3, 1, -1, 0.25);
    const pcm = decodeWav(encodeWav(loud, RATE_HZ)).samples;
    const top = (2 ** 15 - 1) / 2 ** 15;
    expect(Array.from(pcm)).toEqual([top, -1, top, -1, 0.25]);
    expect(decodeWav(encodeWav(loud, RATE_HZ, { format: "float32" })).samples).toEqual(loud);
  });

  it.each([
    {
      name: "NaN sample",
      samples: Float32Array.of(0, 0.5, Number.NaN),
      rate: RATE_HZ,
      code: "NON_FINITE_SAMPLES",
      problem: /sample 2 is NaN/,
    },
    {
      name: "Infinity sample",
      samples: Float32Array.of(Number.POSITIVE_INFINITY),
      rate: RATE_HZ,
      code: "NON_FINITE_SAMPLES",
      problem: /sample 0 is Infinity/,
    },
    {
      name: "no samples",
      samples: new Float32Array(0),
      rate: RATE_HZ,
      code: "NO_SAMPLES",
      problem: /no samples/,
    },
    {
      name: "zero sample rate",
      samples: signal,
      rate: 0,
      code: "BAD_SAMPLE_RATE",
      problem: /0 Hz is outside/,
    },
    {
      name: "fractional sample rate",
      samples: signal,
      rate: 22_050.5,
      code: "BAD_SAMPLE_RATE",
      problem: /not a whole number/,
    },
    {
      name: "absurd sample rate",
      samples: signal,
      rate: 10_000_000,
      code: "BAD_SAMPLE_RATE",
      problem: /outside/,
    },
  ])("rejects $name with $code", ({ samples, rate, code, problem }) => {
    let thrown: unknown;
    try {
      encodeWav(samples, rate);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AudioEncodeError);
    expect(thrown).toBeInstanceOf(AudioError);
    expect((thrown as AudioEncodeError).code).toBe(code);
    expect((thrown as AudioEncodeError).message).toMatch(problem);
  });
});
