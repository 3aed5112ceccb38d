// Writes a WAV file of any length in bounded memory: samples go to disk block by block and the
// header's sizes are filled in on close. The file is written under a temporary name beside the
// target and renamed on close, so the target path only ever holds a complete file.
import { randomBytes } from "node:crypto";
import { open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { AudioEncodeError } from "../errors.js";
import { sampleRateProblem } from "../sample-rate.js";
import {
  encodeWavHeader,
  encodeWavSamples,
  firstNonFiniteSample,
  wavHeaderBytes,
  type EncodeWavOptions,
} from "../wav/encode-wav.js";

/** RIFF sizes are 32-bit. */
const MAX_RIFF_BYTES = 0xffff_ffff;

export interface WavFileWriter {
  /** The final path; nothing is there until `close` succeeds. */
  readonly path: string;
  /** Samples written so far. */
  readonly frames: number;
  /** Appends mono samples (same conversion as `encodeWav`). Await each call before the next. */
  write(samples: Float32Array): Promise<void>;
  /** Fills in the header, flushes to disk and renames the file into place. */
  close(): Promise<void>;
  /** Gives up: closes and deletes the temporary file. Safe to call at any time, and twice. */
  abort(): Promise<void>;
}

/**
 * Opens a WAV writer for mono samples at `sampleRateHz` (pcm16 unless `options.format` says
 * otherwise). Use `write` for each block, then `close`; on failure call `abort`.
 */
export async function createWavFileWriter(
  path: string,
  sampleRateHz: number,
  options: EncodeWavOptions = {},
): Promise<WavFileWriter> {
  const format = options.format ?? "pcm16";
  const rateProblem = sampleRateProblem(sampleRateHz);
  if (rateProblem !== undefined) throw new AudioEncodeError("BAD_SAMPLE_RATE", rateProblem);
  const headerBytes = wavHeaderBytes(format);
  const sampleBytes = format === "float32" ? 4 : 2;
  const temporary = join(
    dirname(path),
    `.${basename(path)}.partial-${process.pid}-${randomBytes(4).toString("hex")}`,
  );
  const handle = await open(temporary, "w");
  let frames = 0;
  let busy = false;
  let finished = false;
  let settled = false;

  const begin = (what: string) => {
    if (finished) throw new AudioEncodeError("BAD_ARGUMENT", `${what} after close or abort`);
    if (busy) throw new AudioEncodeError("BAD_ARGUMENT", `${what} while a write is pending`);
    busy = true;
  };

  const abort = async () => {
    if (settled) return;
    settled = true;
    finished = true;
    await handle.close().catch(() => undefined);
    await rm(temporary, { force: true });
  };

  try {
    // Sizes of zero for now; close() writes the real ones.
    await handle.write(encodeWavHeader(0, sampleRateHz, format));
  } catch (error) {
    await abort();
    throw error;
  }

  return {
    path,
    get frames() {
      return frames;
    },
    async write(samples) {
      begin("write");
      try {
        const firstBad = firstNonFiniteSample(samples);
        if (firstBad !== -1) {
          throw new AudioEncodeError(
            "NON_FINITE_SAMPLES",
            `sample ${frames + firstBad} is ${samples[firstBad]}; only finite samples can be encoded`,
            { fileName: path },
          );
        }
        if (headerBytes + (frames + samples.length) * sampleBytes - 8 > MAX_RIFF_BYTES) {
          throw new AudioEncodeError("TOO_LONG", "a WAV file holds at most 4 GiB of samples", {
            fileName: path,
          });
        }
        const bytes = new Uint8Array(samples.length * sampleBytes);
        encodeWavSamples(new DataView(bytes.buffer), 0, samples, format);
        await handle.write(bytes, 0, bytes.length, headerBytes + frames * sampleBytes);
        frames += samples.length;
      } finally {
        busy = false;
      }
    },
    async close() {
      begin("close");
      finished = true;
      try {
        if (frames === 0) {
          throw new AudioEncodeError("NO_SAMPLES", "no samples to encode", { fileName: path });
        }
        const header = encodeWavHeader(frames, sampleRateHz, format);
        await handle.write(header, 0, header.length, 0);
        await handle.sync();
        await handle.close();
        await rename(temporary, path);
        settled = true;
      } catch (error) {
        await abort();
        throw error;
      }
    },
    abort,
  };
}
