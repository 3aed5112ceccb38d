// Test-only: builds WAV files byte by byte, independently of the decoder's own sample readers,
// so a round trip through decodeWav checks the decoder against a second reading of the spec.
// Excluded from the build (tsconfig.build.json); imported only by *.test.ts files.

export type FixtureFormat = "pcm8" | "pcm16" | "pcm24" | "pcm32" | "float32" | "float64";

export const FIXTURE_FORMATS: readonly FixtureFormat[] = [
  "pcm8",
  "pcm16",
  "pcm24",
  "pcm32",
  "float32",
  "float64",
];

/** Largest error a decoded sample may show: half a quantisation step plus float32 rounding. */
export const DECODE_TOLERANCE: Readonly<Record<FixtureFormat, number>> = {
  pcm8: 0.5 / 2 ** 7 + 1e-7,
  pcm16: 0.5 / 2 ** 15 + 1e-7,
  pcm24: 0.5 / 2 ** 23 + 1e-7,
  pcm32: 0.5 / 2 ** 31 + 1e-7,
  float32: 1e-7,
  float64: 1e-7,
};

const BITS: Readonly<Record<FixtureFormat, number>> = {
  pcm8: 8,
  pcm16: 16,
  pcm24: 24,
  pcm32: 32,
  float32: 32,
  float64: 64,
};

export interface RiffChunk {
  readonly id: string;
  readonly body: Uint8Array;
  /** Size written in the chunk header when it should lie about the body. */
  readonly declaredSize?: number;
}

/** A sine: amplitude · sin(2π f t + phase), in float64 so it is the exact reference. */
export function tone(options: {
  frequencyHz: number;
  amplitude: number;
  durationSeconds: number;
  sampleRateHz: number;
  phaseRadians?: number;
}): Float64Array {
  const { frequencyHz, amplitude, durationSeconds, sampleRateHz, phaseRadians = 0 } = options;
  const length = Math.round(durationSeconds * sampleRateHz);
  return Float64Array.from(
    { length },
    (_, i) => amplitude * Math.sin((2 * Math.PI * frequencyHz * i) / sampleRateHz + phaseRadians),
  );
}

/** The element-wise mean of equally long channels. */
export function meanOfChannels(channels: readonly ArrayLike<number>[]): Float64Array {
  const length = channels[0]?.length ?? 0;
  return Float64Array.from({ length }, (_, i) => {
    let sum = 0;
    for (const channel of channels) sum += channel[i] ?? Number.NaN;
    return sum / channels.length;
  });
}

export function maxAbsDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Number.POSITIVE_INFINITY;
  let worst = 0;
  for (let i = 0; i < a.length; i += 1) {
    worst = Math.max(worst, Math.abs((a[i] ?? Number.NaN) - (b[i] ?? Number.NaN)));
  }
  return Number.isNaN(worst) ? Number.POSITIVE_INFINITY : worst;
}

/**
 * Amplitude of the `frequencyHz` component, by correlating with a sine and a cosine.
 * Exact for a pure tone when the signal spans whole periods.
 */
export function sineAmplitude(
  samples: ArrayLike<number>,
  frequencyHz: number,
  sampleRateHz: number,
): number {
  let sinSum = 0;
  let cosSum = 0;
  for (let i = 0; i < samples.length; i += 1) {
    const angle = (2 * Math.PI * frequencyHz * i) / sampleRateHz;
    sinSum += (samples[i] ?? 0) * Math.sin(angle);
    cosSum += (samples[i] ?? 0) * Math.cos(angle);
  }
  return (2 / samples.length) * Math.hypot(sinSum, cosSum);
}

export function rms(samples: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < samples.length; i += 1) sum += (samples[i] ?? 0) ** 2;
  return Math.sqrt(sum / Math.max(1, samples.length));
}

export function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => ch.charCodeAt(0));
}

function u16(value: number): number[] {
  return [value & 0xff, (value >>> 8) & 0xff];
}

function u32(value: number): number[] {
  return [value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, (value >>> 24) & 0xff];
}

/** A RIFF file from chunks, each padded to an even length as the format requires. */
export function riffFile(
  chunks: readonly RiffChunk[],
  options: { container?: string; formType?: string; riffSize?: number } = {},
): Uint8Array {
  const parts: number[] = [];
  for (const chunk of chunks) {
    parts.push(...ascii(chunk.id), ...u32(chunk.declaredSize ?? chunk.body.length));
    parts.push(...chunk.body);
    if (chunk.body.length % 2 === 1) parts.push(0);
  }
  const { container = "RIFF", formType = "WAVE" } = options;
  const riffSize = options.riffSize ?? parts.length + 4;
  return Uint8Array.from([...ascii(container), ...u32(riffSize), ...ascii(formType), ...parts]);
}

export interface FmtFields {
  readonly formatTag: number;
  readonly channels: number;
  readonly sampleRateHz: number;
  readonly bitsPerSample: number;
  /** Defaults to channels × container bytes. */
  readonly blockAlign?: number;
  /** WAVE_FORMAT_EXTENSIBLE fields; formatTag should then be 0xfffe. */
  readonly extensible?: {
    readonly validBits: number;
    readonly subformatTag: number;
    /** Bytes 2..15 of the subformat GUID; defaults to the standard KSDATAFORMAT tail. */
    readonly guidTail?: readonly number[];
  };
}

const KSDATAFORMAT_GUID_TAIL = [
  0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71,
];

export function fmtChunk(fields: FmtFields): RiffChunk {
  const containerBytes = Math.ceil(fields.bitsPerSample / 8);
  const blockAlign = fields.blockAlign ?? fields.channels * containerBytes;
  const body = [
    ...u16(fields.formatTag),
    ...u16(fields.channels),
    ...u32(fields.sampleRateHz),
    ...u32(fields.sampleRateHz * blockAlign),
    ...u16(blockAlign),
    ...u16(fields.bitsPerSample),
  ];
  if (fields.extensible !== undefined) {
    const { validBits, subformatTag, guidTail = KSDATAFORMAT_GUID_TAIL } = fields.extensible;
    const channelMask = fields.channels >= 32 ? 0 : 2 ** fields.channels - 1;
    body.push(...u16(22), ...u16(validBits), ...u32(channelMask));
    body.push(...u16(subformatTag), ...guidTail);
  }
  return { id: "fmt ", body: Uint8Array.from(body) };
}

/** Rounds to the nearest integer code of `bits` signed bits, clipping at full scale. */
function signedCode(value: number, bits: number): number {
  const fullScale = 2 ** (bits - 1);
  return Math.min(fullScale - 1, Math.max(-fullScale, Math.round(value * fullScale)));
}

/** One sample's little-endian bytes. `significantBits` < container bits leaves low bits zero. */
function sampleBytes(value: number, format: FixtureFormat, significantBits: number): number[] {
  switch (format) {
    case "pcm8":
      return [signedCode(value, significantBits) * 2 ** (8 - significantBits) + 128];
    case "pcm16":
    case "pcm24":
    case "pcm32": {
      const bits = BITS[format];
      // Float arithmetic, not bit shifts, so 32-bit codes cannot overflow the helper itself.
      let code = signedCode(value, significantBits) * 2 ** (bits - significantBits);
      if (code < 0) code += 2 ** bits;
      const bytes: number[] = [];
      for (let i = 0; i < bits / 8; i += 1) {
        bytes.push(Math.floor(code / 2 ** (8 * i)) % 256);
      }
      return bytes;
    }
    case "float32":
      return [...new Uint8Array(Float32Array.of(value).buffer)];
    case "float64":
      return [...new Uint8Array(Float64Array.of(value).buffer)];
  }
}

if (new Uint8Array(Uint16Array.of(1).buffer)[0] !== 1) {
  throw new Error("test fixtures assume a little-endian host for float bytes");
}

/** Interleaved sample bytes of equally long channels. */
export function interleavedSamples(
  channels: readonly ArrayLike<number>[],
  format: FixtureFormat,
  significantBits = BITS[format],
): Uint8Array {
  const frames = channels[0]?.length ?? 0;
  const bytes: number[] = [];
  for (let frame = 0; frame < frames; frame += 1) {
    for (const channel of channels) {
      bytes.push(...sampleBytes(channel[frame] ?? Number.NaN, format, significantBits));
    }
  }
  return Uint8Array.from(bytes);
}

export interface WavFixtureOptions {
  readonly channels: readonly ArrayLike<number>[];
  readonly sampleRateHz: number;
  readonly format: FixtureFormat;
  /** Write WAVE_FORMAT_EXTENSIBLE with the format as its subformat. */
  readonly extensible?: boolean;
  /** Bits actually used within each sample's container (PCM only); e.g. 20 in 24. */
  readonly significantBits?: number;
  readonly chunksBeforeFmt?: readonly RiffChunk[];
  readonly chunksBeforeData?: readonly RiffChunk[];
  readonly chunksAfterData?: readonly RiffChunk[];
}

export function wavFixture(options: WavFixtureOptions): Uint8Array {
  const { channels, sampleRateHz, format, extensible = false } = options;
  const isFloat = format === "float32" || format === "float64";
  const containerBits = BITS[format];
  const significantBits = options.significantBits ?? containerBits;
  const classicTag = isFloat ? 3 : 1;
  const fmt = fmtChunk({
    formatTag: extensible ? 0xfffe : classicTag,
    channels: channels.length,
    sampleRateHz,
    // Classic PCM states the significant bits; extensible states the container and validBits.
    bitsPerSample: extensible ? containerBits : significantBits,
    blockAlign: channels.length * (containerBits / 8),
    ...(extensible ? { extensible: { validBits: significantBits, subformatTag: classicTag } } : {}),
  });
  const data = { id: "data", body: interleavedSamples(channels, format, significantBits) };
  return riffFile([
    ...(options.chunksBeforeFmt ?? []),
    fmt,
    ...(options.chunksBeforeData ?? []),
    data,
    ...(options.chunksAfterData ?? []),
  ]);
}
