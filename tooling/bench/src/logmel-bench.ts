// (a) Log-mel throughput: @wakeforge/audio against melspectrogram.onnx, on whole clips and on
// 80 ms streaming chunks (the reference re-reads the 480 samples before each chunk, as
// openWakeWord's streaming does).
import { performance } from "node:perf_hooks";
import {
  CHUNK_SIZE_SAMPLES,
  LogMelStream,
  MEL_CONTEXT_SAMPLES,
  SAMPLE_RATE_HZ,
  computeLogMel,
  toInt16Scale,
} from "@wakeforge/audio";
import type { ReferenceModel } from "./reference-runtime.js";
import type { BenchBudget, Comparison, StreamComparison } from "./bench-result.js";
import { alternate, comparison, latencySummary } from "./timing.js";

export interface LogMelFigures {
  readonly clips: Comparison;
  readonly stream: StreamComparison;
}

export async function benchLogMel(
  clips: readonly Float32Array[],
  mel: ReferenceModel,
  budget: BenchBudget,
): Promise<LogMelFigures> {
  const scaled = clips.map((clip) => toInt16Scale(clip));
  const audioSeconds = scaled.reduce((sum, clip) => sum + clip.length, 0) / SAMPLE_RATE_HZ;

  const whole = await alternate(
    () => {
      for (const clip of scaled) computeLogMel(clip);
    },
    async () => {
      for (const clip of scaled) await mel.run(clip, [1, clip.length]);
    },
    budget,
  );

  const stream = new LogMelStream();
  const window = new Float32Array(CHUNK_SIZE_SAMPLES + MEL_CONTEXT_SAMPLES);
  const latenciesOurs: number[] = [];
  const latenciesReference: number[] = [];
  const chunked = await alternate(
    async () => {
      stream.reset();
      for (const clip of scaled) {
        await eachChunk(clip, latenciesOurs, (chunk) => stream.push(chunk));
      }
    },
    async () => {
      window.fill(0);
      for (const clip of scaled) {
        await eachChunk(clip, latenciesReference, async (chunk) => {
          // The last 1760 samples: shift by one chunk and append the new one.
          window.copyWithin(0, CHUNK_SIZE_SAMPLES);
          window.set(chunk, MEL_CONTEXT_SAMPLES);
          await mel.run(window, [1, window.length]);
        });
      }
    },
    budget,
  );

  return {
    clips: comparison(audioSeconds, whole.ours, whole.reference),
    stream: {
      ...comparison(audioSeconds, chunked.ours, chunked.reference),
      chunkMicros: {
        wakeforge: latencySummary(latenciesOurs),
        reference: latencySummary(latenciesReference),
      },
    },
  };
}

async function eachChunk(
  clip: Float32Array,
  latencies: number[],
  push: (chunk: Float32Array) => unknown,
): Promise<void> {
  for (let at = 0; at + CHUNK_SIZE_SAMPLES <= clip.length; at += CHUNK_SIZE_SAMPLES) {
    const before = performance.now();
    await push(clip.subarray(at, at + CHUNK_SIZE_SAMPLES));
    latencies.push((performance.now() - before) * 1_000);
  }
}
