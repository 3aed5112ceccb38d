import type * as tf from "@tensorflow/tfjs";
import { SAMPLE_RATE_HZ, createResampler } from "@wakeforge/audio";
import { WakeforgeCoreError } from "../errors.js";
import type { Embedder, Embeddings } from "../features/embedder.js";
import { embeddingEndSeconds } from "../features/feature-timeline.js";
import { StreamingEmbedder } from "../features/streaming-embedder.js";
import { headRunner, type HeadRunner } from "./compiled-head.js";
import { DetectionTracker, type Detection, type DetectionPolicy } from "./detection-policy.js";

/**
 * A trigger-word head and how its scores become wakes. Input [batch, window, dims]; output
 * [batch, 1] (a sigmoid score) or [batch, C] softmax classes with class 0 meaning "none" (as
 * openWakeWord's multi-class heads), whose score is then 1 − P(none).
 */
export interface DetectorHead {
  readonly name: string;
  readonly model: tf.LayersModel;
  readonly policy: DetectionPolicy;
}

/** One 80 ms step: the score of every head whose window is full. */
export interface DetectorStep {
  /** Index of the embedding that completed this step (0 = the first, 0.8 s into the audio). */
  readonly index: number;
  /** Seconds from the start of the audio to the end of the audio this step heard. */
  readonly timeSeconds: number;
  readonly scores: Readonly<Record<string, number>>;
}

export interface HeadDetection extends Detection {
  readonly head: string;
}

export interface DetectorOutput {
  readonly steps: DetectorStep[];
  readonly detections: HeadDetection[];
}

function headWindow(head: DetectorHead): number {
  const shape = head.model.inputs[0]?.shape;
  const window = shape?.[1];
  if (!shape || shape.length !== 3 || typeof window !== "number") {
    throw new WakeforgeCoreError(
      "BAD_HEAD",
      `head "${head.name}" must take [batch, window, dims]; its input is [${shape?.join(", ")}]`,
    );
  }
  return window;
}

/**
 * Scores `count` consecutive steps ending at embeddings `firstIndex … firstIndex + count − 1`
 * from `history` (embeddings `historyStart …`), one predict per head.
 */
function scoreSteps(
  heads: readonly DetectorHead[],
  runners: readonly HeadRunner[],
  windows: readonly number[],
  history: Float32Array,
  historyStart: number,
  dims: number,
  firstIndex: number,
  count: number,
): DetectorStep[] {
  const steps: DetectorStep[] = [];
  const scores: Record<string, number>[] = Array.from({ length: count }, () => ({}));
  heads.forEach((head, h) => {
    const window = windows[h] ?? 0;
    const firstScored = Math.max(firstIndex, window - 1);
    const scored = firstIndex + count - firstScored;
    if (scored <= 0) return;
    const batch = new Float32Array(scored * window * dims);
    for (let s = 0; s < scored; s += 1) {
      const start = (firstScored + s - window + 1 - historyStart) * dims;
      batch.set(history.subarray(start, start + window * dims), s * window * dims);
    }
    const values = (runners[h] as HeadRunner)(batch, scored);
    const classes = values.length / scored;
    for (let s = 0; s < scored; s += 1) {
      const target = scores[firstScored + s - firstIndex];
      const first = values[s * classes] ?? Number.NaN;
      if (target) target[head.name] = classes === 1 ? first : 1 - first;
    }
  });
  for (let i = 0; i < count; i += 1) {
    const index = firstIndex + i;
    steps.push({ index, timeSeconds: embeddingEndSeconds(index), scores: scores[i] ?? {} });
  }
  return steps;
}

/** Feeds each step's scores to the heads' trackers and collects what fires, in time order. */
function trackDetections(
  heads: readonly DetectorHead[],
  trackers: readonly DetectionTracker[],
  steps: readonly DetectorStep[],
): HeadDetection[] {
  const detections: HeadDetection[] = [];
  for (const step of steps) {
    heads.forEach((head, h) => {
      const score = step.scores[head.name];
      if (score === undefined) return;
      const fired = trackers[h]?.update(score, step.timeSeconds);
      if (fired)
        detections.push({ head: head.name, timeSeconds: fired.timeSeconds, score: fired.score });
    });
  }
  return detections;
}

/**
 * Wake-word detection on live audio: PCM chunks of any size and sample rate in, a score every
 * 80 ms per head, detections after threshold, smoothing and refractory period. All heads share
 * one embedding pass. A head's first score comes once its window of embeddings is full (2 s into
 * the stream for 16-embedding heads). Gives the same steps as `scoreClip` on the whole signal.
 */
export class StreamingDetector {
  readonly heads: readonly DetectorHead[];
  private readonly runners: HeadRunner[];
  private readonly windows: number[];
  private readonly maxWindow: number;
  private readonly embeddings: StreamingEmbedder;
  private readonly resampler: ReturnType<typeof createResampler> | undefined;
  private readonly trackers: DetectionTracker[];
  private history: Float32Array;
  private historyStart = 0;

  constructor(
    embedder: Embedder,
    heads: readonly DetectorHead[],
    options: { inputSampleRateHz?: number } = {},
  ) {
    if (heads.length === 0)
      throw new WakeforgeCoreError("BAD_HEAD", "a detector needs at least one head");
    const names = new Set(heads.map((h) => h.name));
    if (names.size !== heads.length)
      throw new WakeforgeCoreError("BAD_HEAD", "head names must be unique");
    this.heads = heads;
    this.runners = heads.map((head) => headRunner(head.model));
    this.windows = heads.map(headWindow);
    this.maxWindow = Math.max(...this.windows);
    this.embeddings = new StreamingEmbedder(embedder);
    const rate = options.inputSampleRateHz ?? SAMPLE_RATE_HZ;
    this.resampler = rate === SAMPLE_RATE_HZ ? undefined : createResampler(rate, SAMPLE_RATE_HZ);
    this.trackers = heads.map((head) => new DetectionTracker(head.policy));
    this.history = new Float32Array(0);
  }

  push(chunk: Float32Array): DetectorOutput {
    const samples = this.resampler ? this.resampler.push(chunk) : chunk;
    const fresh = this.embeddings.push(samples);
    return this.consume(fresh);
  }

  /**
   * Moves head `name`'s threshold from the next step on (a person dragging a threshold line),
   * without restarting the stream: the embeddings and the head's window stay as they are.
   */
  setThreshold(name: string, threshold: number): void {
    const index = this.heads.findIndex((head) => head.name === name);
    const tracker = this.trackers[index];
    if (!tracker) {
      throw new WakeforgeCoreError(
        "BAD_HEAD",
        `no head "${name}" in this detector (it has ${this.heads.map((h) => `"${h.name}"`).join(", ")})`,
      );
    }
    tracker.setThreshold(threshold);
  }

  /** Forgets the stream so far; also frees the few tensors it holds between pushes. */
  reset(): void {
    this.embeddings.reset();
    this.history = new Float32Array(0);
    this.historyStart = 0;
    for (const tracker of this.trackers) tracker.reset();
  }

  private consume(fresh: Embeddings): DetectorOutput {
    if (fresh.count === 0) return { steps: [], detections: [] };
    const dims = fresh.dims;
    const firstIndex = this.historyStart + this.history.length / dims;
    const grown = new Float32Array(this.history.length + fresh.values.length);
    grown.set(this.history);
    grown.set(fresh.values, this.history.length);
    this.history = grown;
    const steps = scoreSteps(
      this.heads,
      this.runners,
      this.windows,
      this.history,
      this.historyStart,
      dims,
      firstIndex,
      fresh.count,
    );
    // Keep only the embeddings the next windows still need.
    const keep = Math.min(this.history.length / dims, this.maxWindow - 1);
    const drop = this.history.length / dims - keep;
    this.history = this.history.slice(drop * dims);
    this.historyStart += drop;
    return { steps, detections: trackDetections(this.heads, this.trackers, steps) };
  }
}

/** Every step and detection of a whole 16 kHz clip, computed in one batch pass. */
export function scoreClip(
  embedder: Embedder,
  heads: readonly DetectorHead[],
  samples: Float32Array,
  options: { fileName?: string } = {},
): DetectorOutput {
  const embeddings = embedder.embedClip(samples, options);
  if (embeddings.count === 0) return { steps: [], detections: [] };
  const windows = heads.map(headWindow);
  const steps = scoreSteps(
    heads,
    heads.map((head) => headRunner(head.model)),
    windows,
    embeddings.values,
    0,
    embeddings.dims,
    0,
    embeddings.count,
  );
  const trackers = heads.map((head) => new DetectionTracker(head.policy));
  return { steps, detections: trackDetections(heads, trackers, steps) };
}
