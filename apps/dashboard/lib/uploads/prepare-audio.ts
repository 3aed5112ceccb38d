// Turns the bytes of one uploaded or recorded file into what the store keeps: 16 kHz mono
// 16-bit WAV. The format is recognised from the bytes (never the file name or declared type);
// anything that cannot be stored faithfully becomes an UploadError naming the file.
import {
  AudioDecodeError,
  SAMPLE_RATE_HZ,
  decodeAudio,
  encodeWav,
  resample,
  sniffAudioContainer,
  type AudioContainer,
  type AudioErrorCode,
} from "@wakeforge/audio";
import { UploadError } from "./upload-error";
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from "./upload-limits";

export interface PreparedAudio {
  /** 16 kHz mono 16-bit PCM WAV. */
  readonly wav: Uint8Array;
  readonly durationSeconds: number;
  readonly originalFormat: AudioContainer;
  readonly originalSampleRateHz: number;
  readonly originalChannels: number;
}

const FORMAT_NAMES: Readonly<Record<AudioContainer, string>> = {
  wav: "WAV",
  mp3: "MP3",
  flac: "FLAC",
  "ogg-vorbis": "OGG Vorbis",
  "ogg-opus": "OGG Opus",
  webm: "WebM",
};

/** In words, for messages and the upload form. */
export const ACCEPTED_FORMATS_TEXT = "WAV, MP3, OGG (Vorbis or Opus), WebM (Opus) or FLAC";

/** Below one step of 16-bit PCM everywhere: nothing was recorded. */
const DIGITAL_SILENCE_PEAK = 1 / 32_768;

function mebibytes(bytes: number): string {
  if (bytes < 2 ** 20) return `${Math.ceil(bytes / 1024)} KiB`;
  const value = bytes / 2 ** 20;
  return `${value >= 10 ? value.toFixed(0) : value.toFixed(1)} MiB`;
}

function minutesAndSeconds(seconds: number): string {
  const whole = Math.round(seconds);
  return whole < 60 ? `${whole} s` : `${Math.floor(whole / 60)} min ${whole % 60} s`;
}

function hexStart(bytes: Uint8Array): string {
  return Array.from(bytes.subarray(0, 8), (b) => b.toString(16).padStart(2, "0")).join(" ");
}

/** Tab, line breaks, printable ASCII and UTF-8 bytes: what text files are made of. */
function isTextByte(b: number): boolean {
  return b === 9 || b === 10 || b === 13 || (b >= 32 && b !== 127);
}

/** Text judged from the start: a text file renamed to .wav. */
function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 512);
  return head.length > 0 && head.every(isTextByte);
}

const WAV_SHAPE_PROBLEMS: readonly AudioErrorCode[] = ["NOT_WAV", "UNSUPPORTED_FORMAT"];

function fromDecodeError(error: AudioDecodeError, container: AudioContainer, fileName: string) {
  const format = FORMAT_NAMES[container];
  switch (error.code) {
    case "EMPTY_FILE":
      return new UploadError("EMPTY_FILE", error.problem, fileName, { cause: error });
    case "TOO_LONG":
    case "TOO_LARGE":
      return new UploadError(error.code, error.problem, fileName, { cause: error });
    default:
      if (WAV_SHAPE_PROBLEMS.includes(error.code)) {
        return new UploadError(
          "UNSUPPORTED_FORMAT",
          `is a kind of ${format} wakeforge cannot read: ${error.problem}`,
          fileName,
          {
            cause: error,
          },
        );
      }
      return new UploadError(
        "CORRUPT_AUDIO",
        `is a damaged ${format}: ${error.problem}`,
        fileName,
        {
          cause: error,
        },
      );
  }
}

/**
 * Checks, decodes and converts one file. Throws UploadError: EMPTY_FILE, TOO_LARGE,
 * UNSUPPORTED_FORMAT, CORRUPT_AUDIO, TOO_LONG, TOO_SHORT or SILENT.
 */
export async function prepareAudio(
  bytes: Uint8Array,
  fileName: string,
  limits: UploadLimits = DEFAULT_UPLOAD_LIMITS,
): Promise<PreparedAudio> {
  if (bytes.length === 0) throw new UploadError("EMPTY_FILE", "file is empty (0 bytes)", fileName);
  const container = sniffAudioContainer(bytes);
  if (container === undefined) {
    const what = looksLikeText(bytes)
      ? "is text, not audio"
      : `is not a recognised audio format (starts with ${hexStart(bytes)})`;
    throw new UploadError(
      "UNSUPPORTED_FORMAT",
      `${what}; upload ${ACCEPTED_FORMATS_TEXT}`,
      fileName,
    );
  }
  const maxBytes = container === "wav" ? limits.maxWavBytes : limits.maxCompressedBytes;
  if (bytes.length > maxBytes) {
    throw new UploadError(
      "TOO_LARGE",
      `is ${mebibytes(bytes.length)}, over the ${mebibytes(maxBytes)} limit for ${FORMAT_NAMES[container]} files`,
      fileName,
    );
  }

  let decoded;
  try {
    decoded = await decodeAudio(bytes, { fileName });
  } catch (error) {
    if (error instanceof AudioDecodeError) throw fromDecodeError(error, container, fileName);
    throw error;
  }
  const { durationSeconds } = decoded;
  if (durationSeconds > limits.maxDurationSeconds) {
    throw new UploadError(
      "TOO_LONG",
      `lasts ${minutesAndSeconds(durationSeconds)}; the limit is ${minutesAndSeconds(limits.maxDurationSeconds)} a file (split longer recordings)`,
      fileName,
    );
  }
  if (durationSeconds < limits.minDurationSeconds) {
    throw new UploadError(
      "TOO_SHORT",
      `lasts ${Math.round(durationSeconds * 1000)} ms; at least ${Math.round(limits.minDurationSeconds * 1000)} ms is needed to hold a word`,
      fileName,
    );
  }
  let peak = 0;
  for (const value of decoded.samples) peak = Math.max(peak, Math.abs(value));
  if (peak < DIGITAL_SILENCE_PEAK) {
    throw new UploadError("SILENT", "holds only digital silence: nothing was recorded", fileName);
  }

  const samples =
    decoded.sampleRateHz === SAMPLE_RATE_HZ
      ? decoded.samples
      : resample(decoded.samples, decoded.sampleRateHz, SAMPLE_RATE_HZ);
  return {
    wav: encodeWav(samples, SAMPLE_RATE_HZ),
    durationSeconds: samples.length / SAMPLE_RATE_HZ,
    originalFormat: container,
    originalSampleRateHz: decoded.sampleRateHz,
    originalChannels: decoded.sourceChannels,
  };
}
