// Scores hours of audio in bounded memory: a WAV file is read block by block, resampled to
// 16 kHz as it streams, and fed to a StreamingDetector in ~30 s segments. The streaming embedder
// keeps the log-mel frames that overlap the next segment (75 frames) and runs the fully
// convolutional base once per segment, so the scores equal one streaming pass, and one batch
// pass (scoreClip), while memory stays at a segment plus the score series.
import { SAMPLE_RATE_HZ } from "@wakeforge/audio";
import { readAudioFile, readWavFileInfo, streamWavFile } from "@wakeforge/audio/node";
import { StreamingDetector, type DetectorHead } from "../detector/streaming-detector.js";
import { WakeforgeCoreError } from "../errors.js";
import type { Embedder } from "../features/embedder.js";
import { EMBEDDING_STEP_SECONDS, embeddingEndSeconds } from "../features/feature-timeline.js";

/** One head's scores over a long stream, one per 80 ms step. */
export interface ScoreSeries {
  readonly scores: Float32Array;
  /** Embedding index of `scores[0]` (a 16-embedding head scores from embedding 15 on). */
  readonly firstStepIndex: number;
  /** Seconds from the start of the audio to the end of the audio `scores[0]` heard. */
  readonly firstTimeSeconds: number;
  readonly stepSeconds: number;
}

export interface LongAudioScores {
  /** Length of the audio, seconds (what false accepts per hour divide by). */
  readonly durationSeconds: number;
  readonly heads: Readonly<Record<string, ScoreSeries>>;
}

/** Audio to score: a file path (WAV streams; other formats are decoded whole) or samples. */
export type LongAudioSource =
  string | Float32Array | { readonly samples: Float32Array; readonly sampleRateHz: number };

export interface LongAudioProgress {
  readonly doneSeconds: number;
  readonly totalSeconds: number;
}

export interface ScoreLongAudioOptions {
  /** Audio per base pass, seconds of input. Default 30. */
  readonly segmentSeconds?: number;
  readonly onProgress?: (progress: LongAudioProgress) => void;
  /** Stops between segments with an AbortError. */
  readonly signal?: AbortSignal;
}

export const DEFAULT_SEGMENT_SECONDS = 30;

class GrowableSeries {
  values: Float32Array;
  length = 0;
  firstStepIndex = -1;

  constructor(capacity: number) {
    this.values = new Float32Array(Math.max(16, capacity));
  }

  push(index: number, value: number): void {
    if (this.firstStepIndex < 0) this.firstStepIndex = index;
    if (this.length === this.values.length) {
      const grown = new Float32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length] = value;
    this.length += 1;
  }

  finish(): ScoreSeries {
    const first = Math.max(0, this.firstStepIndex);
    return {
      scores: this.values.slice(0, this.length),
      firstStepIndex: first,
      firstTimeSeconds: embeddingEndSeconds(first),
      stepSeconds: EMBEDDING_STEP_SECONDS,
    };
  }
}

/**
 * Per-head score series of a long recording (hours of negative audio for false accepts per
 * hour, or a demo recording for a score timeline). Files are WAV-streamed in bounded memory;
 * other formats are decoded whole. Any sample rate; resampled to 16 kHz on the way.
 */
export async function scoreLongAudio(
  embedder: Embedder,
  heads: readonly DetectorHead[],
  source: LongAudioSource,
  options: ScoreLongAudioOptions = {},
): Promise<LongAudioScores> {
  const segmentSeconds = options.segmentSeconds ?? DEFAULT_SEGMENT_SECONDS;
  if (!(segmentSeconds >= 0.08)) {
    throw new WakeforgeCoreError(
      "BAD_ARGUMENT",
      `segmentSeconds must be ≥ 0.08, got ${segmentSeconds}`,
    );
  }
  let blocks: AsyncIterable<Float32Array> | Iterable<Float32Array>;
  let sampleRateHz: number;
  let totalSamples: number;
  if (typeof source === "string") {
    const wav = await readWavFileInfo(source).catch(() => undefined);
    if (wav) {
      sampleRateHz = wav.format.sampleRateHz;
      totalSamples = wav.frames;
      const blockFrames = Math.max(1, Math.round(segmentSeconds * sampleRateHz));
      blocks = (async function* () {
        for await (const block of streamWavFile(source, { blockFrames })) yield block.samples;
      })();
    } else {
      const decoded = await readAudioFile(source, { maxDurationSeconds: 6 * 3600 });
      sampleRateHz = decoded.sampleRateHz;
      totalSamples = decoded.samples.length;
      blocks = segments(decoded.samples, Math.round(segmentSeconds * sampleRateHz));
    }
  } else {
    const samples = source instanceof Float32Array ? source : source.samples;
    sampleRateHz = source instanceof Float32Array ? SAMPLE_RATE_HZ : source.sampleRateHz;
    totalSamples = samples.length;
    blocks = segments(samples, Math.max(1, Math.round(segmentSeconds * sampleRateHz)));
  }

  const totalSeconds = totalSamples / sampleRateHz;
  const detector = new StreamingDetector(embedder, heads, { inputSampleRateHz: sampleRateHz });
  const capacity = Math.ceil(totalSeconds / EMBEDDING_STEP_SECONDS) + 1;
  const series = heads.map(() => new GrowableSeries(capacity));
  let done = 0;
  try {
    for await (const block of blocks) {
      options.signal?.throwIfAborted();
      const { steps } = detector.push(block);
      for (const step of steps) {
        heads.forEach((head, h) => {
          const score = step.scores[head.name];
          if (score !== undefined) series[h]?.push(step.index, score);
        });
      }
      done += block.length;
      options.onProgress?.({ doneSeconds: done / sampleRateHz, totalSeconds });
      // Let timers and I/O run between segments of an hours-long pass.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  } finally {
    // Frees the few tensors the stream holds between pushes.
    detector.reset();
  }
  return {
    durationSeconds: totalSeconds,
    heads: Object.fromEntries(
      heads.map((head, h) => [head.name, (series[h] as GrowableSeries).finish()]),
    ),
  };
}

function* segments(samples: Float32Array, size: number): Generator<Float32Array> {
  for (let at = 0; at < samples.length; at += size) yield samples.subarray(at, at + size);
}
