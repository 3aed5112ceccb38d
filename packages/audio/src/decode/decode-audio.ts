import { AudioDecodeError } from "../errors.js";
import { decodeWav } from "../wav/decode-wav.js";
import { decodeCompressed, type DecodedChannels } from "./compressed-decoders.js";
import {
  SUPPORTED_CONTAINERS_TEXT,
  leadingBytesHex,
  sniffAudioContainer,
  type AudioContainer,
} from "./sniff-container.js";

export interface DecodeAudioOptions {
  /** Named in error messages, e.g. "upload.webm". */
  readonly fileName?: string;
}

export interface DecodedAudioFile {
  /** Mono mix (the mean of all channels), nominally -1..1, at the file's own sample rate. */
  readonly samples: Float32Array;
  readonly sampleRateHz: number;
  readonly sourceChannels: number;
  /** The container recognised from the bytes (never from the file name). */
  readonly container: AudioContainer;
  readonly durationSeconds: number;
}

function mixToMono(decoded: DecodedChannels, fileName: string | undefined): Float32Array {
  const channels = decoded.channelData;
  const frames = channels.reduce((min, c) => Math.min(min, c.length), Infinity);
  if (channels.length === 0 || !Number.isFinite(frames) || frames === 0) {
    throw new AudioDecodeError("NO_SAMPLES", "decoded to no audio samples", { fileName });
  }
  const mono = new Float32Array(frames);
  for (const channel of channels) {
    for (let i = 0; i < frames; i += 1) mono[i] = (mono[i] ?? 0) + (channel[i] ?? 0);
  }
  const scale = 1 / channels.length;
  for (let i = 0; i < frames; i += 1) {
    const value = (mono[i] ?? 0) * scale;
    if (!Number.isFinite(value)) {
      throw new AudioDecodeError(
        "NON_FINITE_SAMPLES",
        `decoded sample ${i} (at ${(i / decoded.sampleRate).toFixed(3)} s) is ${value}`,
        { fileName },
      );
    }
    mono[i] = value;
  }
  return mono;
}

/**
 * Decodes WAV, MP3, FLAC, OGG (Vorbis, Opus) or WebM (Opus) bytes to mono float samples at the
 * file's sample rate, recognising the format from the bytes themselves. Works in Node and in
 * browsers. Unknown, empty or damaged input throws an AudioDecodeError naming the file.
 */
export async function decodeAudio(
  bytes: Uint8Array,
  options: DecodeAudioOptions = {},
): Promise<DecodedAudioFile> {
  const { fileName } = options;
  if (bytes.length === 0) {
    throw new AudioDecodeError("EMPTY_FILE", "file is empty (0 bytes)", { fileName });
  }
  const container = sniffAudioContainer(bytes);
  if (container === undefined) {
    throw new AudioDecodeError(
      "UNSUPPORTED_FORMAT",
      `not a recognised audio format (starts with ${leadingBytesHex(bytes)}); ` +
        `wakeforge reads ${SUPPORTED_CONTAINERS_TEXT}`,
      { fileName },
    );
  }
  if (container === "wav") {
    const wav = decodeWav(bytes, { fileName });
    return {
      samples: wav.samples,
      sampleRateHz: wav.sampleRateHz,
      sourceChannels: wav.sourceChannels,
      container,
      durationSeconds: wav.durationSeconds,
    };
  }

  let decoded: DecodedChannels;
  try {
    decoded = await decodeCompressed(container, bytes);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AudioDecodeError("CORRUPT_DATA", `could not decode ${container}: ${reason}`, {
      fileName,
      cause: error,
    });
  }
  if (!(decoded.sampleRate > 0)) {
    throw new AudioDecodeError(
      "CORRUPT_DATA",
      `${container} decoder reported sample rate ${decoded.sampleRate}`,
      { fileName },
    );
  }
  const samples = mixToMono(decoded, fileName);
  return {
    samples,
    sampleRateHz: decoded.sampleRate,
    sourceChannels: decoded.channelData.length,
    container,
    durationSeconds: samples.length / decoded.sampleRate,
  };
}
