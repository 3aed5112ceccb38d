// Finds the "fmt " and "data" chunks of a RIFF/WAVE file, skipping every other chunk.
import { STREAMED_WAV_MIN_PLACEHOLDER_BYTES } from "../constants.js";
import { AudioDecodeError } from "../errors.js";

const RIFF_HEADER_BYTES = 12;
const CHUNK_HEADER_BYTES = 8;

export interface ChunkSpan {
  /** Offset of the chunk body within the view. */
  readonly start: number;
  readonly size: number;
}

export interface DataChunkSpan extends ChunkSpan {
  /** The header held a "length unknown" placeholder, so the data runs to the end of the bytes. */
  readonly streamed: boolean;
}

export interface WaveChunks {
  readonly fmt: ChunkSpan;
  readonly data: DataChunkSpan;
}

/** A four-character code as text, with unprintable bytes shown as \xNN so messages stay legible. */
export function fourCharacterCode(view: DataView, offset: number): string {
  let code = "";
  for (let i = 0; i < 4; i += 1) {
    const byte = view.getUint8(offset + i);
    code +=
      byte >= 0x20 && byte < 0x7f
        ? String.fromCharCode(byte)
        : `\\x${byte.toString(16).padStart(2, "0")}`;
  }
  return code;
}

/** The header bytes held in memory end before the chunks do; read more of the file and retry. */
export class HeaderBeyondViewError extends Error {
  constructor(readonly neededBytes: number) {
    super(`WAV header continues past byte ${neededBytes}`);
    this.name = "HeaderBeyondViewError";
  }
}

/**
 * Locates the "fmt " and "data" chunks. `view` holds the file from its first byte: all of it, or
 * (when streaming a file) a prefix of it, with `totalBytes` the file's real size; a prefix that
 * ends inside the header chunks throws HeaderBeyondViewError so the caller can read more.
 */
export function findWaveChunks(
  view: DataView,
  fileName: string | undefined,
  totalBytes: number = view.byteLength,
): WaveChunks {
  const fail = (code: ConstructorParameters<typeof AudioDecodeError>[0], problem: string) =>
    new AudioDecodeError(code, problem, { fileName });
  const length = totalBytes;
  const needView = (end: number) => {
    if (end > view.byteLength) throw new HeaderBeyondViewError(end);
  };
  if (length < RIFF_HEADER_BYTES) {
    throw fail(
      "TRUNCATED_HEADER",
      `file is ${length} bytes, shorter than the ${RIFF_HEADER_BYTES}-byte RIFF header`,
    );
  }
  const container = fourCharacterCode(view, 0);
  if (container === "RIFX") {
    throw fail("UNSUPPORTED_FORMAT", "big-endian RIFX files are not supported");
  }
  if (container === "RF64") {
    throw fail("UNSUPPORTED_FORMAT", "RF64 (64-bit WAV) files are not supported");
  }
  if (container !== "RIFF") {
    throw fail("NOT_WAV", `starts with "${container}" instead of "RIFF"; not a WAV file`);
  }
  const formType = fourCharacterCode(view, 8);
  if (formType !== "WAVE") {
    throw fail("NOT_WAV", `RIFF form type is "${formType}", not "WAVE"`);
  }

  // The RIFF size field is ignored: streaming writers leave it wrong, and the chunks say enough.
  let fmt: ChunkSpan | undefined;
  let data: DataChunkSpan | undefined;
  let offset = RIFF_HEADER_BYTES;
  while (offset < length && (fmt === undefined || data === undefined)) {
    if (length - offset < CHUNK_HEADER_BYTES) {
      throw fail("TRUNCATED_HEADER", `file ends inside a chunk header at byte ${offset}`);
    }
    needView(offset + CHUNK_HEADER_BYTES);
    const id = fourCharacterCode(view, offset);
    const size = view.getUint32(offset + 4, true);
    const start = offset + CHUNK_HEADER_BYTES;
    const remaining = length - start;
    if (id === "data" && data === undefined) {
      if (size > remaining) {
        if (size < STREAMED_WAV_MIN_PLACEHOLDER_BYTES) {
          throw fail(
            "DATA_CHUNK_OVERRUN",
            `data chunk claims ${size} bytes but only ${remaining} remain (truncated file?)`,
          );
        }
        data = { start, size: remaining, streamed: true };
        break;
      }
      data = { start, size, streamed: false };
    } else if (size > remaining) {
      throw fail(
        "TRUNCATED_HEADER",
        `"${id}" chunk claims ${size} bytes but only ${remaining} remain (truncated file?)`,
      );
    } else if (id === "fmt " && fmt === undefined) {
      needView(start + size);
      fmt = { start, size };
    }
    // Chunks are padded to an even length; the pad byte is not counted in the size.
    offset = start + size + (size % 2);
  }
  if (fmt === undefined) {
    throw fail("MISSING_CHUNK", 'no "fmt " chunk before the end of the file');
  }
  if (data === undefined) {
    throw fail("MISSING_CHUNK", 'no "data" chunk before the end of the file');
  }
  return { fmt, data };
}
