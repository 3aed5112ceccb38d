// Reads WAV files from disk in bounded memory: the header first, then the samples block by block,
// so a recording of several hours never has to fit in memory at once.
import { open, type FileHandle } from "node:fs/promises";
import { AudioDecodeError } from "../errors.js";
import { mixFramesToMono } from "../wav/mix-frames.js";
import { HeaderBeyondViewError, findWaveChunks } from "../wav/riff-chunks.js";
import { parseWavFormat, type WavFormat } from "../wav/wav-format.js";

const FIRST_HEADER_READ_BYTES = 64 * 1024;
/** Metadata chunks (LIST, bext, iXML) can be large; past this the file is not a sane WAV. */
const MAX_HEADER_BYTES = 16 * 1024 * 1024;
const DEFAULT_BLOCK_FRAMES = 16_000;

export interface WavFileInfo {
  readonly path: string;
  readonly format: WavFormat;
  readonly dataStart: number;
  readonly frames: number;
  readonly durationSeconds: number;
}

export interface WavFileBlock {
  /** Mono samples of this block, nominally -1..1. */
  readonly samples: Float32Array;
  readonly sampleRateHz: number;
  /** Index of the block's first sample within the file. */
  readonly startFrame: number;
}

async function readPrefix(handle: FileHandle, bytes: number): Promise<DataView> {
  const buffer = new Uint8Array(bytes);
  const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
  return new DataView(buffer.buffer, 0, bytesRead);
}

async function readInfo(handle: FileHandle, path: string): Promise<WavFileInfo> {
  const { size } = await handle.stat();
  if (size === 0)
    throw new AudioDecodeError("EMPTY_FILE", "file is empty (0 bytes)", { fileName: path });
  let prefixBytes = Math.min(size, FIRST_HEADER_READ_BYTES);
  for (;;) {
    const view = await readPrefix(handle, prefixBytes);
    try {
      const chunks = findWaveChunks(view, path, size);
      const format = parseWavFormat(view, chunks.fmt, path);
      const frames = Math.floor(chunks.data.size / format.blockAlignBytes);
      if (frames === 0) {
        throw new AudioDecodeError(
          "NO_SAMPLES",
          `data chunk holds no complete sample frame (${chunks.data.size} bytes)`,
          { fileName: path },
        );
      }
      return {
        path,
        format,
        dataStart: chunks.data.start,
        frames,
        durationSeconds: frames / format.sampleRateHz,
      };
    } catch (error) {
      if (!(error instanceof HeaderBeyondViewError)) throw error;
      if (error.neededBytes > MAX_HEADER_BYTES) {
        throw new AudioDecodeError(
          "UNSUPPORTED_FORMAT",
          `header chunks run past ${MAX_HEADER_BYTES} bytes before the audio data`,
          { fileName: path },
        );
      }
      prefixBytes = Math.min(size, Math.max(error.neededBytes, prefixBytes * 2));
    }
  }
}

/** Format and length of a WAV file, read from its header only. */
export async function readWavFileInfo(path: string): Promise<WavFileInfo> {
  const handle = await open(path, "r");
  try {
    return await readInfo(handle, path);
  } finally {
    await handle.close();
  }
}

/**
 * Yields a WAV file's mono samples in blocks of `blockFrames`, holding one block in memory at a
 * time. Errors (a NaN sample, a file that shrank while read) name the file and the position.
 */
export async function* streamWavFile(
  path: string,
  options: { readonly blockFrames?: number } = {},
): AsyncGenerator<WavFileBlock, void, undefined> {
  const blockFrames = options.blockFrames ?? DEFAULT_BLOCK_FRAMES;
  if (!Number.isInteger(blockFrames) || blockFrames < 1) {
    throw new RangeError(`blockFrames must be a positive integer, got ${blockFrames}`);
  }
  const handle = await open(path, "r");
  try {
    const info = await readInfo(handle, path);
    const { blockAlignBytes, sampleRateHz } = info.format;
    const buffer = new Uint8Array(blockFrames * blockAlignBytes);
    const view = new DataView(buffer.buffer);
    for (let frame = 0; frame < info.frames; frame += blockFrames) {
      const frames = Math.min(blockFrames, info.frames - frame);
      const wanted = frames * blockAlignBytes;
      const { bytesRead } = await handle.read(
        buffer,
        0,
        wanted,
        info.dataStart + frame * blockAlignBytes,
      );
      if (bytesRead < wanted) {
        throw new AudioDecodeError(
          "DATA_CHUNK_OVERRUN",
          `file ended at sample ${frame + Math.floor(bytesRead / blockAlignBytes)} of ${info.frames} (changed while being read?)`,
          { fileName: path },
        );
      }
      yield {
        samples: mixFramesToMono(view, 0, frames, info.format, frame, path),
        sampleRateHz,
        startFrame: frame,
      };
    }
  } finally {
    await handle.close();
  }
}
