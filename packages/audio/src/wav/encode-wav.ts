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
  const firstBad = samples.findIndex((value) => !Number.isFinite(value));
  if (firstBad !== -1) {
    throw new AudioEncodeError(
      "NON_FINITE_SAMPLES",
      `sample ${firstBad} is ${samples[firstBad]}; only finite samples can be encoded`,
    );
  }

  const isFloat = format === "float32";
  const bytesPerSample = isFloat ? 4 : 2;
  const dataBytes = samples.length * bytesPerSample;
  // Non-PCM fmt chunks carry a cbSize field (0 here) and must be followed by a "fact" chunk.
  const fmtBytes = isFloat ? 18 : 16;
  const factChunkBytes = isFloat ? 12 : 0;
  const headerBytes = 12 + 8 + fmtBytes + factChunkBytes + 8;
  const bytes = new Uint8Array(headerBytes + dataBytes);
  const view = new DataView(bytes.buffer);

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
  writeU32(bytes.length - 8);
  writeId("WAVE");
  writeId("fmt ");
  writeU32(fmtBytes);
  writeU16(isFloat ? FORMAT_TAG_IEEE_FLOAT : FORMAT_TAG_PCM);
  writeU16(1);
  writeU32(sampleRateHz);
  writeU32(sampleRateHz * bytesPerSample);
  writeU16(bytesPerSample);
  writeU16(bytesPerSample * 8);
  if (isFloat) {
    writeU16(0);
    writeId("fact");
    writeU32(4);
    writeU32(samples.length);
  }
  writeId("data");
  writeU32(dataBytes);

  for (const value of samples) {
    if (isFloat) {
      view.setFloat32(at, value, true);
    } else {
      const scaled = Math.round(value * PCM16_FULL_SCALE);
      view.setInt16(at, Math.min(PCM16_MAX, Math.max(PCM16_MIN, scaled)), true);
    }
    at += bytesPerSample;
  }
  return bytes;
}
