import { open } from "node:fs/promises";
import { decodeAudio, type DecodedAudioFile } from "../decode/decode-audio.js";
import { sniffAudioContainer } from "../decode/sniff-container.js";
import { AudioDecodeError } from "../errors.js";
import { readWavFileInfo } from "./wav-file-stream.js";

export interface ReadAudioFileOptions {
  /** Longer audio is refused with TOO_LONG: stream it with streamWavFile instead. Default 1 h. */
  readonly maxDurationSeconds?: number;
  /** Compressed files larger than this are refused with TOO_LARGE. Default 256 MiB. */
  readonly maxBytes?: number;
}

const DEFAULT_MAX_DURATION_SECONDS = 3600;
const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;
const SNIFF_BYTES = 512;

function formatDuration(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  return hours > 0 ? `${hours} h ${minutes} min` : `${minutes} min ${Math.round(seconds % 60)} s`;
}

/**
 * Reads and decodes a whole audio file (any format decodeAudio knows). WAV files are checked
 * from their header first, so an hours-long recording is refused before it is loaded.
 */
export async function readAudioFile(
  path: string,
  options: ReadAudioFileOptions = {},
): Promise<DecodedAudioFile> {
  const maxDurationSeconds = options.maxDurationSeconds ?? DEFAULT_MAX_DURATION_SECONDS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const tooLong = (seconds: number) =>
    new AudioDecodeError(
      "TOO_LONG",
      `lasts ${formatDuration(seconds)}, more than the ${formatDuration(maxDurationSeconds)} ` +
        "read at once; stream it with streamWavFile (or convert it to WAV first)",
      { fileName: path },
    );

  const handle = await open(path, "r");
  let bytes: Uint8Array;
  try {
    const { size } = await handle.stat();
    if (size === 0) {
      throw new AudioDecodeError("EMPTY_FILE", "file is empty (0 bytes)", { fileName: path });
    }
    const head = new Uint8Array(Math.min(size, SNIFF_BYTES));
    await handle.read(head, 0, head.length, 0);
    if (sniffAudioContainer(head) === "wav") {
      const info = await readWavFileInfo(path);
      if (info.durationSeconds > maxDurationSeconds) throw tooLong(info.durationSeconds);
    } else if (size > maxBytes) {
      throw new AudioDecodeError(
        "TOO_LARGE",
        `is ${(size / 2 ** 20).toFixed(0)} MiB, more than the ${(maxBytes / 2 ** 20).toFixed(0)} MiB limit`,
        { fileName: path },
      );
    }
    bytes = new Uint8Array(size);
    await handle.read(bytes, 0, size, 0);
  } finally {
    await handle.close();
  }
  const decoded = await decodeAudio(bytes, { fileName: path });
  if (decoded.durationSeconds > maxDurationSeconds) throw tooLong(decoded.durationSeconds);
  return decoded;
}
