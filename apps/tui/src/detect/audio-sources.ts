// Audio for the detector, in chunks as it would arrive from a microphone: from a recorder
// program, or from a file played at the pace of real time (so the score meter moves as it would
// live) or as fast as it can be scored.
import { spawn } from "node:child_process";
import { readAudioFile } from "@wakeforge/audio/node";
import { lastLines } from "../programs/line-buffer.js";
import { MIC_SAMPLE_RATE_HZ, type Recorder } from "./recorder.js";

export interface AudioChunk {
  readonly samples: Float32Array;
  readonly sampleRateHz: number;
}

export type AudioSource = (signal: AbortSignal) => AsyncIterable<AudioChunk>;

/** 80 ms: one embedding step of the detector. */
const CHUNK_SECONDS = 0.08;

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });

export function fileSource(path: string, options: { readonly realTime: boolean }): AudioSource {
  return async function* (signal) {
    const audio = await readAudioFile(path);
    const size = Math.max(1, Math.round(audio.sampleRateHz * CHUNK_SECONDS));
    const started = Date.now();
    for (let at = 0; at < audio.samples.length && !signal.aborted; at += size) {
      yield { samples: audio.samples.subarray(at, at + size), sampleRateHz: audio.sampleRateHz };
      if (options.realTime) {
        const due = started + ((at + size) / audio.sampleRateHz) * 1000;
        await sleep(Math.max(0, due - Date.now()), signal);
      } else {
        await sleep(0, signal); // let the screen draw between chunks
      }
    }
  };
}

/** The recorder failed: it could not start, or exited (no device, no permission). */
export class RecorderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RecorderError";
  }
}

function int16ToFloat(bytes: Buffer): Float32Array {
  const samples = new Float32Array(Math.floor(bytes.length / 2));
  for (let i = 0; i < samples.length; i += 1) samples[i] = bytes.readInt16LE(i * 2) / 32768;
  return samples;
}

export function microphoneSource(recorder: Recorder): AudioSource {
  return async function* (signal) {
    const child = spawn(recorder.command, [...recorder.args], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    const errors = lastLines(1); // the last line says why (ALSA prints several before it)
    child.stderr.on("data", (chunk: Buffer) => errors.push(chunk.toString("utf8")));
    const stop = () => child.kill("SIGTERM");
    signal.addEventListener("abort", stop, { once: true });
    let failure: Error | undefined;
    child.on("error", (error) => (failure = error));
    const exit = new Promise<number | null>((resolve) =>
      child.once("close", (code) => resolve(code)),
    );
    let leftover = Buffer.alloc(0);
    try {
      for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
        const bytes = Buffer.concat([leftover, chunk]);
        const whole = bytes.length - (bytes.length % 2);
        leftover = bytes.subarray(whole);
        yield { samples: int16ToFloat(bytes.subarray(0, whole)), sampleRateHz: MIC_SAMPLE_RATE_HZ };
      }
      const code = await exit;
      if (!signal.aborted && (failure || code !== 0)) {
        const why = failure?.message ?? (errors.text() || `it exited with code ${code}`);
        throw new RecorderError(`${recorder.name} stopped: ${why}`);
      }
    } finally {
      signal.removeEventListener("abort", stop);
      stop();
    }
  };
}
