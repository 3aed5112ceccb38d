import { AudioEncodeError } from "../errors.js";
import { sampleRateProblem } from "../sample-rate.js";

/** Encodings the encoder writes: 16-bit PCM (compact, universal) or 32-bit float (lossless). */
export type WavEncodeFormat = "pcm16" | "float32";

export interface EncodeWavOptions {
  /** Default "pcm16". */
  readonly format?: WavEncodeFormat;
}

const FORMAT_TAG_PCM = 0x0001;
const FORMAT_TAG_IEEE_FLOAT = 0x0003;
const PCM16_FULL_SCALE = 2 ** 15;
const PCM16_MIN = -(2 ** 15);
const PCM16_MAX = 2 ** 15 - 1;

/**
 * Writes mono samples as a WAV file. pcm16 clips to -1..1 and rounds to the nearest step;
 * float32 keeps values as they are (headroom above 1 survives) and adds the "fact" chunk that
 * non-PCM WAV requires.
 */
export function encodeWav(
  samples: Float32Array,
  sampleRateHz: number,
  options: EncodeWavOptions = {},
): Uint8Array {
  const format = options.format ?? "pcm16";
  const rateProblem = sampleRateProblem(sampleRateHz);
  if (rateProblem !== undefined) {
    throw new AudioEncodeError("BAD_SAMPLE_RATE", rateProblem);
  }
  if (samples.length === 0) {
    throw new AudioEncodeError("NO_SAMPLES", "no samples to encode");
  }
  const firstBad = firstNonFiniteSample(samples);
  if (firstBad !== -1) {
    throw new AudioEncodeError(
      "NON_FINITE_SAMPLES",
      `sample ${firstBad} is ${samples[firstBad]}; only finite samples can be encoded`,
    );
  }

  const headerBytes = wavHeaderBytes(format);
  const bytes = new Uint8Array(headerBytes + samples.length * bytesPerSample(format));
  bytes.set(encodeWavHeader(samples.length, sampleRateHz, format));
  encodeWavSamples(new DataView(bytes.buffer), headerBytes, samples, format);
  return bytes;
}

function bytesPerSample(format: WavEncodeFormat): number {
  return format === "float32" ? 4 : 2;
}

/** Length of the header `encodeWavHeader` writes: 44 bytes for pcm16, 58 for float32. */
export function wavHeaderBytes(format: WavEncodeFormat): number {
  // Non-PCM fmt chunks carry a cbSize field (0 here) and must be followed by a "fact" chunk.
  return format === "float32" ? 12 + 8 + 18 + 12 + 8 : 12 + 8 + 16 + 8;
}

/**
 * The RIFF/WAVE header for `frames` mono samples (sizes included), as `encodeWav` writes it.
 * Unchecked: callers validate the rate and the samples.
 */
export function encodeWavHeader(
  frames: number,
  sampleRateHz: number,
  format: WavEncodeFormat,
): Uint8Array {
  const isFloat = format === "float32";
  const sampleBytes = bytesPerSample(format);
  const dataBytes = frames * sampleBytes;
  const header = new Uint8Array(wavHeaderBytes(format));
  const view = new DataView(header.buffer);

  let at = 0;
  const writeId = (id: string) => {
    for (let i = 0; i < 4; i += 1) view.setUint8(at + i, id.charCodeAt(i));
    at += 4;
  };
  const writeU32 = (value: number) => {
    view.setUint32(at, value, true);
    at += 4;
  };
  const writeU16 = (value: number) => {
    view.setUint16(at, value, true);
    at += 2;
  };

  writeId("RIFF");
  writeU32(header.length + dataBytes - 8);
  writeId("WAVE");
  writeId("fmt ");
  writeU32(isFloat ? 18 : 16);
  writeU16(isFloat ? FORMAT_TAG_IEEE_FLOAT : FORMAT_TAG_PCM);
  writeU16(1);
  writeU32(sampleRateHz);
  writeU32(sampleRateHz * sampleBytes);
  writeU16(sampleBytes);
  writeU16(sampleBytes * 8);
  if (isFloat) {
    writeU16(0);
    writeId("fact");
    writeU32(4);
    writeU32(frames);
  }
  writeId("data");
  writeU32(dataBytes);
  return header;
}

/**
 * Writes `samples` into `view` from byte `offset` in `format`: pcm16 clips to -1..1 and rounds
 * to the nearest step, float32 keeps values as they are. Unchecked: callers reject non-finite
 * samples first.
 */
export function encodeWavSamples(
  view: DataView,
  offset: number,
  samples: Float32Array,
  format: WavEncodeFormat,
): void {
  let at = offset;
  if (format === "float32") {
    for (const value of samples) {
      view.setFloat32(at, value, true);
      at += 4;
    }
    return;
  }
  for (const value of samples) {
    const scaled = Math.round(value * PCM16_FULL_SCALE);
    view.setInt16(at, Math.min(PCM16_MAX, Math.max(PCM16_MIN, scaled)), true);
    at += 2;
  }
}

/** Index of the first sample that is NaN or infinite, or -1. */
export function firstNonFiniteSample(samples: Float32Array): number {
  return samples.findIndex((value) => !Number.isFinite(value));
}
