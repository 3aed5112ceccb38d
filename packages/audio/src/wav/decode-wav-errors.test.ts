import { describe, expect, it } from "vitest";
import { AudioDecodeError, AudioError, type AudioErrorCode } from "../errors.js";
import { createSeededRandom } from "../random/seeded-random.js";
import { decodeWav } from "./decode-wav.js";
import {
  ascii,
  fmtChunk,
  interleavedSamples,
  riffFile,
  tone,
  wavFixture,
  type FmtFields,
} from "./test-fixtures.js";

const FILE = "hello.wav";
const RATE_HZ = 16_000;
const signal = tone({
  frequencyHz: 440,
  amplitude: 0.5,
  durationSeconds: 0.05,
  sampleRateHz: RATE_HZ,
});
const pcm16Fmt: FmtFields = { formatTag: 1, channels: 1, sampleRateHz: RATE_HZ, bitsPerSample: 16 };
const pcm16Data = { id: "data", body: interleavedSamples([signal], "pcm16") };
const validWav = riffFile([fmtChunk(pcm16Fmt), pcm16Data]);

function withFmt(fields: Partial<FmtFields>): Uint8Array {
  return riffFile([fmtChunk({ ...pcm16Fmt, ...fields }), pcm16Data]);
}

function decodeError(bytes: Uint8Array, options: { fileName?: string } = { fileName: FILE }) {
  try {
    decodeWav(bytes, options);
  } catch (error) {
    if (error instanceof AudioDecodeError) return error;
    throw new Error(`expected an AudioDecodeError, got ${String(error)}`, { cause: error });
  }
  throw new Error("expected decodeWav to throw, but it decoded");
}

interface BadCase {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly code: AudioErrorCode;
  readonly problem: RegExp;
}

const withNaN = Float64Array.from(signal);
withNaN[7] = Number.NaN;
const withInfinity = Float64Array.from(signal);
withInfinity[300] = Number.NEGATIVE_INFINITY;

const badCases: BadCase[] = [
  { name: "empty file", bytes: new Uint8Array(0), code: "TRUNCATED_HEADER", problem: /0 bytes/ },
  {
    name: "file shorter than the RIFF header",
    bytes: validWav.subarray(0, 11),
    code: "TRUNCATED_HEADER",
    problem: /11 bytes.*RIFF header/,
  },
  {
    name: "file ending inside a chunk header",
    bytes: validWav.subarray(0, 17),
    code: "TRUNCATED_HEADER",
    problem: /chunk header at byte 12/,
  },
  {
    name: "fmt chunk cut short by the end of the file",
    bytes: validWav.subarray(0, 30),
    code: "TRUNCATED_HEADER",
    problem: /"fmt " chunk claims 16 bytes but only 10 remain/,
  },
  {
    name: "metadata chunk longer than the file, before the data",
    bytes: riffFile([
      fmtChunk(pcm16Fmt),
      { id: "LIST", body: new Uint8Array(4), declaredSize: 5000 },
    ]),
    code: "TRUNCATED_HEADER",
    problem: /"LIST" chunk claims 5000 bytes/,
  },
  {
    name: "fmt chunk shorter than 16 bytes",
    bytes: riffFile([{ id: "fmt ", body: fmtChunk(pcm16Fmt).body.subarray(0, 14) }, pcm16Data]),
    code: "TRUNCATED_HEADER",
    problem: /fmt chunk is 14 bytes/,
  },
  {
    name: "extensible fmt chunk without its extension",
    bytes: riffFile([
      { id: "fmt ", body: fmtChunk({ ...pcm16Fmt, formatTag: 0xfffe }).body },
      pcm16Data,
    ]),
    code: "TRUNCATED_HEADER",
    problem: /EXTENSIBLE fmt chunk is 16 bytes/,
  },
  {
    name: "data chunk longer than the file",
    bytes: riffFile([
      fmtChunk(pcm16Fmt),
      { id: "data", body: new Uint8Array(1000), declaredSize: 88_200 },
    ]),
    code: "DATA_CHUNK_OVERRUN",
    problem: /^data chunk claims 88200 bytes but only 1000 remain \(truncated file\?\)$/,
  },
  {
    name: "MP3 bytes",
    bytes: Uint8Array.from([...ascii("ID3"), 4, 0, 0, 0, 0, 0, 0, 0xff, 0xfb, 0x90, 0x64]),
    code: "NOT_WAV",
    problem: /starts with "ID3\\x04"/,
  },
  {
    name: "RIFF file of another kind",
    bytes: riffFile([], { formType: "AVI " }),
    code: "NOT_WAV",
    problem: /"AVI ", not "WAVE"/,
  },
  {
    name: "big-endian RIFX",
    bytes: riffFile([fmtChunk(pcm16Fmt), pcm16Data], { container: "RIFX" }),
    code: "UNSUPPORTED_FORMAT",
    problem: /RIFX/,
  },
  {
    name: "RF64",
    bytes: riffFile([fmtChunk(pcm16Fmt), pcm16Data], { container: "RF64" }),
    code: "UNSUPPORTED_FORMAT",
    problem: /RF64/,
  },
  {
    name: "MP3 inside WAV (format tag 0x0055)",
    bytes: withFmt({ formatTag: 0x0055 }),
    code: "UNSUPPORTED_FORMAT",
    problem: /format tag 0x0055 \(MP3\).*ffmpeg/,
  },
  {
    name: "unknown format tag",
    bytes: withFmt({ formatTag: 0x1234 }),
    code: "UNSUPPORTED_FORMAT",
    problem: /format tag 0x1234 is not supported/,
  },
  {
    name: "48-bit PCM",
    bytes: withFmt({ bitsPerSample: 48 }),
    code: "UNSUPPORTED_FORMAT",
    problem: /48-bit PCM/,
  },
  {
    name: "4-bit PCM",
    bytes: withFmt({ bitsPerSample: 4, blockAlign: 1 }),
    code: "UNSUPPORTED_FORMAT",
    problem: /4-bit PCM/,
  },
  {
    name: "16-bit float",
    bytes: withFmt({ formatTag: 3 }),
    code: "UNSUPPORTED_FORMAT",
    problem: /16-bit IEEE float/,
  },
  {
    name: "extensible with a foreign subformat GUID",
    bytes: withFmt({
      formatTag: 0xfffe,
      extensible: { validBits: 16, subformatTag: 1, guidTail: new Array<number>(14).fill(0x42) },
    }),
    code: "UNSUPPORTED_FORMAT",
    problem: /subformat GUID 42420001-4242-4242-4242-424242424242/,
  },
  {
    name: "extensible wrapping an unsupported tag",
    bytes: withFmt({ formatTag: 0xfffe, extensible: { validBits: 16, subformatTag: 0x0006 } }),
    code: "UNSUPPORTED_FORMAT",
    problem: /0x0006 \(A-law\)/,
  },
  {
    name: "block align that disagrees with channels and bits",
    bytes: withFmt({ blockAlign: 3 }),
    code: "INCONSISTENT_FORMAT",
    problem: /block align is 3 bytes but 1 channel\(s\) of 16-bit samples take 2/,
  },
  {
    name: "more valid bits than the container holds",
    bytes: withFmt({ formatTag: 0xfffe, extensible: { validBits: 24, subformatTag: 1 } }),
    code: "INCONSISTENT_FORMAT",
    problem: /24 valid bits/,
  },
  {
    name: "zero channels",
    bytes: withFmt({ channels: 0, blockAlign: 0 }),
    code: "ZERO_CHANNELS",
    problem: /0 channels/,
  },
  {
    name: "sample rate 0",
    bytes: withFmt({ sampleRateHz: 0 }),
    code: "BAD_SAMPLE_RATE",
    problem: /sample rate 0 Hz/,
  },
  {
    name: "absurd sample rate",
    bytes: withFmt({ sampleRateHz: 4_000_000_000 }),
    code: "BAD_SAMPLE_RATE",
    problem: /sample rate 4000000000 Hz/,
  },
  {
    name: "empty data chunk",
    bytes: riffFile([fmtChunk(pcm16Fmt), { id: "data", body: new Uint8Array(0) }]),
    code: "NO_SAMPLES",
    problem: /no complete sample frame \(0 bytes, 2 per frame\)/,
  },
  {
    name: "data chunk smaller than one frame",
    bytes: riffFile([
      fmtChunk({ ...pcm16Fmt, channels: 2 }),
      { id: "data", body: new Uint8Array(3) },
    ]),
    code: "NO_SAMPLES",
    problem: /3 bytes, 4 per frame/,
  },
  {
    name: "NaN in float32 samples",
    bytes: wavFixture({ channels: [withNaN], sampleRateHz: RATE_HZ, format: "float32" }),
    code: "NON_FINITE_SAMPLES",
    problem: /sample 7 of channel 0 \(at 0\.000 s\) is NaN/,
  },
  {
    name: "-Infinity in the second channel of float64 samples",
    bytes: wavFixture({
      channels: [signal, withInfinity],
      sampleRateHz: RATE_HZ,
      format: "float64",
    }),
    code: "NON_FINITE_SAMPLES",
    problem: /sample 300 of channel 1 \(at 0\.019 s\) is -Infinity/,
  },
  {
    name: "no data chunk",
    bytes: riffFile([fmtChunk(pcm16Fmt), { id: "LIST", body: new Uint8Array(6) }]),
    code: "MISSING_CHUNK",
    problem: /no "data" chunk/,
  },
  {
    name: "no fmt chunk",
    bytes: riffFile([pcm16Data]),
    code: "MISSING_CHUNK",
    problem: /no "fmt " chunk/,
  },
];

describe("decodeWav rejects bad input with a typed error naming the file", () => {
  it.each(badCases)("$name → $code", ({ bytes, code, problem }) => {
    const error = decodeError(bytes);
    expect(error).toBeInstanceOf(AudioError);
    expect(error.name).toBe("AudioDecodeError");
    expect(error.code).toBe(code);
    expect(error.fileName).toBe(FILE);
    expect(error.problem).toMatch(problem);
    expect(error.message).toBe(`${FILE}: ${error.problem}`);
  });

  it("states the problem alone when no file name is given", () => {
    const error = decodeError(validWav.subarray(0, 30), {});
    expect(error.fileName).toBeUndefined();
    expect(error.message).toBe(error.problem);
  });

  it("the valid file behind these cases decodes, so each case fails for its own reason", () => {
    expect(decodeWav(validWav).samples.length).toBe(signal.length);
  });
});

describe("decodeWav never fails with anything but an AudioDecodeError", () => {
  const richWav = wavFixture({
    channels: [signal, signal.map((v) => -v / 3)],
    sampleRateHz: RATE_HZ,
    format: "float32",
    extensible: true,
    chunksBeforeData: [{ id: "LIST", body: ascii("INFOISFT\x05\x00\x00\x00wake\x00") }],
  });

  const expectDecodedOrTypedError = (bytes: Uint8Array) => {
    try {
      const decoded = decodeWav(bytes, { fileName: FILE });
      expect(decoded.samples.length).toBeGreaterThan(0);
      expect(decoded.samples.every(Number.isFinite)).toBe(true);
      expect(decoded.sourceChannels).toBeGreaterThan(0);
      return "decoded";
    } catch (error) {
      expect(error).toBeInstanceOf(AudioDecodeError);
      expect((error as AudioDecodeError).message.startsWith(`${FILE}: `)).toBe(true);
      return (error as AudioDecodeError).code;
    }
  };

  it("at every truncation length", () => {
    const outcomes = new Set<string>();
    for (let length = 0; length < richWav.length; length += 1) {
      outcomes.add(expectDecodedOrTypedError(richWav.subarray(0, length)));
    }
    // Every cut loses samples or header, so none may decode as if nothing were missing.
    expect(outcomes).not.toContain("decoded");
    expect(outcomes).toEqual(new Set(["TRUNCATED_HEADER", "DATA_CHUNK_OVERRUN", "MISSING_CHUNK"]));
  });

  it("with random bytes overwritten in the header and data", () => {
    const random = createSeededRandom("decode-wav-fuzz");
    const headerBytes = 100;
    for (let trial = 0; trial < 3000; trial += 1) {
      const mutated = Uint8Array.from(richWav);
      const changes = 1 + random.nextInt(4);
      for (let c = 0; c < changes; c += 1) {
        const position = random.nextInt(trial % 2 === 0 ? headerBytes : mutated.length);
        mutated[position] = random.nextInt(256);
      }
      expectDecodedOrTypedError(mutated);
    }
  });
});
