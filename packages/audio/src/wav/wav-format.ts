// Reads a WAVE "fmt " chunk into the few facts decoding needs, rejecting what it cannot honour.
import { AudioDecodeError, type AudioErrorCode } from "../errors.js";
import { sampleRateProblem } from "../sample-rate.js";
import type { ChunkSpan } from "./riff-chunks.js";
import { sampleReader, type SampleReader, type WavSampleFormat } from "./sample-formats.js";

const FORMAT_TAG_PCM = 0x0001;
const FORMAT_TAG_IEEE_FLOAT = 0x0003;
const FORMAT_TAG_EXTENSIBLE = 0xfffe;

/** Names of other common tags, so an unsupported file says what it is. */
const KNOWN_UNSUPPORTED_TAGS: Readonly<Record<number, string>> = {
  0x0002: "Microsoft ADPCM",
  0x0006: "A-law",
  0x0007: "µ-law",
  0x0011: "IMA ADPCM",
  0x0031: "GSM 6.10",
  0x0050: "MPEG",
  0x0055: "MP3",
};

const BASIC_FMT_BYTES = 16;
const EXTENSIBLE_FMT_BYTES = 40;
/**
 * Bytes 2..15 of every KSDATAFORMAT_SUBTYPE GUID that wraps a classic format tag
 * (xxxxxxxx-0000-0010-8000-00aa00389b71, stored little-endian); bytes 0..1 hold the tag.
 */
const SUBFORMAT_GUID_TAIL = [
  0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71,
] as const;

export interface WavFormat {
  readonly sampleFormat: WavSampleFormat;
  readonly reader: SampleReader;
  readonly channels: number;
  readonly sampleRateHz: number;
  /** Bytes of one frame: one sample of every channel. */
  readonly blockAlignBytes: number;
}

export function parseWavFormat(
  view: DataView,
  fmt: ChunkSpan,
  fileName: string | undefined,
): WavFormat {
  const fail = (code: AudioErrorCode, problem: string) =>
    new AudioDecodeError(code, problem, { fileName });
  if (fmt.size < BASIC_FMT_BYTES) {
    throw fail(
      "TRUNCATED_HEADER",
      `fmt chunk is ${fmt.size} bytes, shorter than the ${BASIC_FMT_BYTES} every format needs`,
    );
  }
  const at = fmt.start;
  let tag = view.getUint16(at, true);
  const channels = view.getUint16(at + 2, true);
  const sampleRateHz = view.getUint32(at + 4, true);
  const blockAlignBytes = view.getUint16(at + 12, true);
  const bitsPerSample = view.getUint16(at + 14, true);

  if (tag === FORMAT_TAG_EXTENSIBLE) {
    if (fmt.size < EXTENSIBLE_FMT_BYTES) {
      throw fail(
        "TRUNCATED_HEADER",
        `WAVE_FORMAT_EXTENSIBLE fmt chunk is ${fmt.size} bytes, shorter than ${EXTENSIBLE_FMT_BYTES}`,
      );
    }
    const validBits = view.getUint16(at + 18, true);
    if (validBits > bitsPerSample) {
      throw fail(
        "INCONSISTENT_FORMAT",
        `${validBits} valid bits do not fit in ${bitsPerSample}-bit samples`,
      );
    }
    const guidAt = at + 24;
    const tail = SUBFORMAT_GUID_TAIL.every((byte, i) => view.getUint8(guidAt + 2 + i) === byte);
    if (!tail) {
      throw fail(
        "UNSUPPORTED_FORMAT",
        `WAVE_FORMAT_EXTENSIBLE subformat GUID ${guidText(view, guidAt)} is not supported`,
      );
    }
    tag = view.getUint16(guidAt, true);
  }

  if (channels === 0) {
    throw fail("ZERO_CHANNELS", "fmt chunk declares 0 channels");
  }
  const rateProblem = sampleRateProblem(sampleRateHz);
  if (rateProblem !== undefined) {
    throw fail("BAD_SAMPLE_RATE", rateProblem);
  }
  const sampleFormat = sampleFormatFor(tag, bitsPerSample, fail);
  const reader = sampleReader(sampleFormat);
  const expectedBlockAlign = channels * reader.bytesPerSample;
  if (blockAlignBytes !== expectedBlockAlign) {
    throw fail(
      "INCONSISTENT_FORMAT",
      `block align is ${blockAlignBytes} bytes but ${channels} channel(s) of ${bitsPerSample}-bit ` +
        `samples take ${expectedBlockAlign}`,
    );
  }
  return { sampleFormat, reader, channels, sampleRateHz, blockAlignBytes };
}

function sampleFormatFor(
  tag: number,
  bitsPerSample: number,
  fail: (code: AudioErrorCode, problem: string) => AudioDecodeError,
): WavSampleFormat {
  if (tag === FORMAT_TAG_PCM) {
    // Samples narrower than their container (12-bit in 16, 20-bit in 24) are stored
    // left-justified, so reading the whole container gives the right value.
    const containerBits = bitsPerSample < 8 ? 0 : Math.ceil(bitsPerSample / 8) * 8;
    switch (containerBits) {
      case 8:
        return "pcm8";
      case 16:
        return "pcm16";
      case 24:
        return "pcm24";
      case 32:
        return "pcm32";
      default:
        throw fail("UNSUPPORTED_FORMAT", `${bitsPerSample}-bit PCM is not supported`);
    }
  }
  if (tag === FORMAT_TAG_IEEE_FLOAT) {
    if (bitsPerSample === 32) return "float32";
    if (bitsPerSample === 64) return "float64";
    throw fail("UNSUPPORTED_FORMAT", `${bitsPerSample}-bit IEEE float is not supported`);
  }
  const hex = `0x${tag.toString(16).padStart(4, "0")}`;
  const known = KNOWN_UNSUPPORTED_TAGS[tag];
  throw fail(
    "UNSUPPORTED_FORMAT",
    `format tag ${hex}${known === undefined ? "" : ` (${known})`} is not supported; ` +
      "convert to PCM first, e.g. `ffmpeg -i in.wav -c:a pcm_s16le out.wav`",
  );
}

/** The GUID in its usual written form, e.g. 00000001-0000-0010-8000-00aa00389b71. */
function guidText(view: DataView, at: number): string {
  const hex = (offset: number, length: number) =>
    Array.from({ length }, (_, i) =>
      view
        .getUint8(at + offset + i)
        .toString(16)
        .padStart(2, "0"),
    );
  const data1 = view.getUint32(at, true).toString(16).padStart(8, "0");
  const data2 = view
    .getUint16(at + 4, true)
    .toString(16)
    .padStart(4, "0");
  const data3 = view
    .getUint16(at + 6, true)
    .toString(16)
    .padStart(4, "0");
  return `${data1}-${data2}-${data3}-${hex(8, 2).join("")}-${hex(10, 6).join("")}`;
}
