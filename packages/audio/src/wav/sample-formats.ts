// How each WAV sample encoding maps its bytes to a number in -1..1 (little-endian, as RIFF is).

/** Sample encodings the decoder reads. 8-bit WAV PCM is always unsigned; wider PCM is signed. */
export type WavSampleFormat = "pcm8" | "pcm16" | "pcm24" | "pcm32" | "float32" | "float64";

export interface SampleReader {
  readonly format: WavSampleFormat;
  readonly bytesPerSample: number;
  /** Whether the encoding can hold NaN or ±Infinity, so decoded values need checking. */
  readonly canBeNonFinite: boolean;
  read(view: DataView, byteOffset: number): number;
}

const PCM8_MIDPOINT = 128;
const PCM16_FULL_SCALE = 2 ** 15;
const PCM24_FULL_SCALE = 2 ** 23;
const PCM32_FULL_SCALE = 2 ** 31;

const READERS: Record<WavSampleFormat, SampleReader> = {
  pcm8: {
    format: "pcm8",
    bytesPerSample: 1,
    canBeNonFinite: false,
    read: (view, at) => (view.getUint8(at) - PCM8_MIDPOINT) / PCM8_MIDPOINT,
  },
  pcm16: {
    format: "pcm16",
    bytesPerSample: 2,
    canBeNonFinite: false,
    read: (view, at) => view.getInt16(at, true) / PCM16_FULL_SCALE,
  },
  pcm24: {
    format: "pcm24",
    bytesPerSample: 3,
    canBeNonFinite: false,
    read: (view, at) => {
      const unsigned =
        view.getUint8(at) | (view.getUint8(at + 1) << 8) | (view.getUint8(at + 2) << 16);
      // Shift the 24-bit value to the top of an int32 and back to extend its sign bit.
      return ((unsigned << 8) >> 8) / PCM24_FULL_SCALE;
    },
  },
  pcm32: {
    format: "pcm32",
    bytesPerSample: 4,
    canBeNonFinite: false,
    read: (view, at) => view.getInt32(at, true) / PCM32_FULL_SCALE,
  },
  float32: {
    format: "float32",
    bytesPerSample: 4,
    canBeNonFinite: true,
    read: (view, at) => view.getFloat32(at, true),
  },
  float64: {
    format: "float64",
    bytesPerSample: 8,
    canBeNonFinite: true,
    read: (view, at) => view.getFloat64(at, true),
  },
};

export function sampleReader(format: WavSampleFormat): SampleReader {
  return READERS[format];
}
