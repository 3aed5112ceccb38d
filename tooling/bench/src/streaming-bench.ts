// (c) The streaming detector on 80 ms chunks: real-time factor, share of a core and per-chunk
// latency of one wake word (mel → embedding → head → detection policy), against openWakeWord's
// chain in onnxruntime on the same chunks (mel on the chunk and 480 samples before it, one
// embedding over the last 76 frames, the head over the last 16 embeddings).
import { performance } from "node:perf_hooks";
import {
  CHUNK_SIZE_SAMPLES,
  EMBEDDING_DIMENSIONS,
  EMBEDDING_WINDOW_FRAMES,
  HEAD_WINDOW_EMBEDDINGS,
  INT16_FULL_SCALE,
  MEL_BAND_COUNT,
  MEL_CONTEXT_SAMPLES,
  SAMPLE_RATE_HZ,
} from "@wakeforge/audio";
import { StreamingDetector, type Embedder } from "@wakeforge/core";
import type * as tf from "@tensorflow/tfjs";
import type { BenchBudget, StreamSide, StreamingSection } from "./bench-result.js";
import type { ReferenceModels } from "./reference-runtime.js";
import { alternate, median, pairedRatio, percentile, processCpuSeconds } from "./timing.js";

export interface StreamingBenchInput {
  readonly audio: Float32Array;
  readonly embedder: Embedder;
  readonly head: tf.LayersModel;
  readonly backend: string;
  readonly reference: ReferenceModels;
  readonly budget: BenchBudget;
}

/** Per-round wall and CPU time and per-chunk latencies of one side. */
class SideRecorder {
  readonly chunkMs: number[] = [];
  readonly roundCpuSeconds: number[] = [];
  readonly roundWallSeconds: number[] = [];

  async round(audio: Float32Array, push: (chunk: Float32Array) => unknown): Promise<void> {
    const cpuBefore = processCpuSeconds();
    const wallBefore = performance.now();
    for (let at = 0; at + CHUNK_SIZE_SAMPLES <= audio.length; at += CHUNK_SIZE_SAMPLES) {
      const before = performance.now();
      await push(audio.subarray(at, at + CHUNK_SIZE_SAMPLES));
      this.chunkMs.push(performance.now() - before);
    }
    this.roundWallSeconds.push((performance.now() - wallBefore) / 1_000);
    this.roundCpuSeconds.push(processCpuSeconds() - cpuBefore);
  }

  summary(audioSeconds: number): StreamSide {
    return {
      audioSecondsPerSecond: audioSeconds / median(this.roundWallSeconds),
      cpuSecondsPerAudioSecond: median(this.roundCpuSeconds) / audioSeconds,
      chunkMillis: { p50: percentile(this.chunkMs, 0.5), p99: percentile(this.chunkMs, 0.99) },
    };
  }
}

export async function benchStreaming(input: StreamingBenchInput): Promise<StreamingSection> {
  const detector = new StreamingDetector(input.embedder, [
    { name: "alexa", model: input.head, policy: { threshold: 0.5 } },
  ]);
  const reference = new ReferenceStream(input.reference);
  const ours = new SideRecorder();
  const theirs = new SideRecorder();
  // Warm-up rounds are recorded too; drop them below so only measured rounds count.
  await alternate(
    () => ours.round(input.audio, (chunk) => detector.push(chunk)),
    () => theirs.round(input.audio, (chunk) => reference.push(chunk)),
    input.budget,
  );
  const warm = input.budget.warmUpRounds;
  const chunksPerRound = Math.floor(input.audio.length / CHUNK_SIZE_SAMPLES);
  for (const side of [ours, theirs]) {
    side.chunkMs.splice(0, warm * chunksPerRound);
    side.roundCpuSeconds.splice(0, warm);
    side.roundWallSeconds.splice(0, warm);
  }
  const audioSeconds = (chunksPerRound * CHUNK_SIZE_SAMPLES) / SAMPLE_RATE_HZ;
  const wakeforge = ours.summary(audioSeconds);
  const referenceSide = theirs.summary(audioSeconds);
  return {
    coreFraction: wakeforge.cpuSecondsPerAudioSecond,
    realTimeFactor: 1 / wakeforge.audioSecondsPerSecond,
    ratio: pairedRatio(ours.roundWallSeconds, theirs.roundWallSeconds),
    backend: input.backend,
    audioSeconds,
    wakeforge,
    reference: referenceSide,
  };
}

/** openWakeWord's streaming chain with its buffers allocated once, as numpy arrays would be. */
class ReferenceStream {
  private readonly samples = new Float32Array(CHUNK_SIZE_SAMPLES + MEL_CONTEXT_SAMPLES);
  /** openWakeWord pre-fills the mel buffer with ones. */
  private readonly melFrames = new Float32Array(EMBEDDING_WINDOW_FRAMES * MEL_BAND_COUNT).fill(1);
  private readonly embeddings = new Float32Array(HEAD_WINDOW_EMBEDDINGS * EMBEDDING_DIMENSIONS);

  constructor(private readonly models: ReferenceModels) {}

  async push(chunk: Float32Array): Promise<void> {
    const { samples, melFrames, embeddings } = this;
    samples.copyWithin(0, CHUNK_SIZE_SAMPLES);
    for (let i = 0; i < chunk.length; i += 1) {
      samples[MEL_CONTEXT_SAMPLES + i] = (chunk[i] as number) * INT16_FULL_SCALE;
    }
    const mel = await this.models.mel.run(samples, [1, samples.length]);
    const fresh = mel.length;
    melFrames.copyWithin(0, fresh);
    for (let i = 0; i < fresh; i += 1) {
      melFrames[melFrames.length - fresh + i] = (mel[i] as number) / 10 + 2;
    }
    const embedding = await this.models.embedding.run(melFrames, [
      1,
      EMBEDDING_WINDOW_FRAMES,
      MEL_BAND_COUNT,
      1,
    ]);
    embeddings.copyWithin(0, EMBEDDING_DIMENSIONS);
    embeddings.set(
      embedding.subarray(0, EMBEDDING_DIMENSIONS),
      embeddings.length - EMBEDDING_DIMENSIONS,
    );
    await this.models.head.run(embeddings, [1, HEAD_WINDOW_EMBEDDINGS, EMBEDDING_DIMENSIONS]);
  }
}
