// Training examples: fixed-length windows of 16 embeddings (2.0 s of audio, 196 log-mel frames).
// Positives are placed so the phrase ends in the last ~0.3 s of the window, then augmented;
// negatives are every window of negative clips and (at a stride) of long background audio.
// Each clip keeps its log-mel frames and its embeddings, so a window can feed either the head
// (embeddings, transfer) or the whole network (frames, scratch and fine-tuning).
import {
  CHUNK_SIZE_SAMPLES,
  EMBEDDING_HOP_FRAMES,
  EMBEDDING_WINDOW_FRAMES,
  MEL_BAND_COUNT,
  SAMPLE_RATE_HZ,
  createAugmenter,
  createSeededRandom,
  speedPerturb,
  type AugmentationConfig,
  type AugmentationStep,
  type SeededRandom,
} from "@wakeforge/audio";
import type { ClipSource, DatasetClip } from "../dataset/dataset-types.js";
import type { EmbeddingStore } from "../dataset/embedding-store.js";
import { baseInputForClip } from "../features/base-input.js";
import type { Embedder, Embeddings } from "../features/embedder.js";
import { CHUNKS_BEFORE_FIRST_EMBEDDING } from "../features/feature-timeline.js";

/** Log-mel frames a window of `windowEmbeddings` embeddings spans: 76 + 8·(W − 1). */
export function windowFrames(windowEmbeddings: number): number {
  return EMBEDDING_WINDOW_FRAMES + (windowEmbeddings - 1) * EMBEDDING_HOP_FRAMES;
}

/** Audio samples a window of `windowEmbeddings` embeddings needs (2.0 s for 16). */
export function windowSamples(windowEmbeddings: number): number {
  return (windowEmbeddings - 1 + CHUNKS_BEFORE_FIRST_EMBEDDING) * CHUNK_SIZE_SAMPLES;
}

/** A clip turned into features: its base-input frames and its embeddings. */
export interface FeatureClip {
  readonly id: string;
  readonly label: 0 | 1;
  readonly speakerId: string;
  readonly source: ClipSource;
  readonly category: string | undefined;
  /** Clip weight before class balancing (recordings weigh more). */
  readonly weight: number;
  /** Base-input log-mel (x/10 + 2), first embedding window at frame 0. */
  readonly frames: Float32Array;
  readonly frameCount: number;
  readonly embeddings: Float32Array;
  readonly embeddingCount: number;
  /** What made the audio (augmentation), for reports and the cache key. */
  readonly description: string;
}

/** A window: embeddings `start … start + W − 1` of clip `clip`. */
export interface WindowRef {
  readonly clip: number;
  readonly start: number;
}

export interface PositivePlacement {
  /** The phrase's end lands this many seconds (at most) before the window's end. Default 0.3. */
  readonly endMarginSeconds?: number;
}

/** Where speech ends in a clip: the end of the last 10 ms frame within 35 dB of the loudest. */
export function speechEndSample(samples: Float32Array): number {
  const frame = 160;
  const energies: number[] = [];
  for (let i = 0; i + frame <= samples.length; i += frame) {
    let sum = 0;
    for (let j = i; j < i + frame; j += 1) sum += (samples[j] as number) ** 2;
    energies.push(sum / frame);
  }
  const peak = Math.max(0, ...energies);
  if (peak === 0) return samples.length;
  const floor = peak * 10 ** (-35 / 10);
  for (let k = energies.length - 1; k >= 0; k -= 1) {
    if ((energies[k] as number) >= floor) return Math.min(samples.length, (k + 1) * frame);
  }
  return samples.length;
}

/**
 * Places a positive clip in a window of `length` samples so that its speech ends within the
 * last `endMarginSeconds` of it (cropping its start if it is too long), silence elsewhere.
 */
export function placePositive(
  samples: Float32Array,
  length: number,
  random: SeededRandom,
  placement: PositivePlacement = {},
): { samples: Float32Array; endSample: number } {
  const margin = Math.round((placement.endMarginSeconds ?? 0.3) * SAMPLE_RATE_HZ);
  const end = speechEndSample(samples);
  const targetEnd = length - random.nextInt(Math.max(1, margin));
  const out = new Float32Array(length);
  const offset = targetEnd - end; // where sample 0 of the clip goes
  const from = Math.max(0, -offset);
  const to = Math.min(end, length - offset);
  if (to > from) out.set(samples.subarray(from, to), from + offset);
  return { samples: out, endSample: targetEnd };
}

/** The augmentation stages that run after placement (speed runs before; shift never). */
function afterPlacement(config: AugmentationConfig, outputLength: number): AugmentationConfig {
  const rest: AugmentationConfig = { ...config, outputLength };
  delete (rest as { speed?: unknown }).speed;
  delete (rest as { shift?: unknown }).shift;
  return rest;
}

export interface BuildFeatureClipsOptions {
  readonly embedder: Embedder;
  /** Identity of the base for the cache key (id and weights hash). */
  readonly baseId: string;
  readonly cache?: EmbeddingStore | undefined;
  readonly windowEmbeddings: number;
  readonly augmentation: AugmentationConfig;
  readonly seed: number;
  /** Augmented copies made of each positive. Default 1. */
  readonly copies?: number;
  readonly backgroundNoise?: readonly Float32Array[];
  readonly placement?: PositivePlacement;
  /** Clips longer than this are cut into pieces first (seconds). Default 30. */
  readonly maxPieceSeconds?: number;
  /** Batch size of the base pass. Default 32. */
  readonly embedBatchSize?: number;
  /** Called after each embedded batch with the number of clips done. */
  readonly onClips?: (done: number) => void;
}

interface PreparedAudio {
  readonly clip: DatasetClip;
  readonly samples: Float32Array;
  readonly description: string;
}

function describe(steps: readonly AugmentationStep[], extra: Record<string, unknown>): string {
  return JSON.stringify({ ...extra, steps });
}

async function embedAll(
  prepared: readonly PreparedAudio[],
  label: 0 | 1,
  options: BuildFeatureClipsOptions,
): Promise<FeatureClip[]> {
  const batchSize = options.embedBatchSize ?? 32;
  const out: FeatureClip[] = [];
  // Group equal lengths so the base runs in batches.
  const order = prepared
    .map((_, i) => i)
    .sort((a, b) => {
      const d =
        (prepared[a] as PreparedAudio).samples.length -
        (prepared[b] as PreparedAudio).samples.length;
      return d !== 0 ? d : a - b;
    });
  const results = new Array<FeatureClip>(prepared.length);
  let done = 0;
  for (let i = 0; i < order.length;) {
    const length = (prepared[order[i] as number] as PreparedAudio).samples.length;
    const group: number[] = [];
    while (
      i < order.length &&
      group.length < batchSize &&
      (prepared[order[i] as number] as PreparedAudio).samples.length === length
    ) {
      group.push(order[i] as number);
      i += 1;
    }
    const items = group.map((g) => prepared[g] as PreparedAudio);
    const inputs = items.map((item) => baseInputForClip(item.samples));
    const compute = (missing: readonly Float32Array[]): Embeddings[] => {
      const wanted = new Set(missing);
      const batch = items
        .map((item, j) => ({ item, input: inputs[j] }))
        .filter(({ item }) => wanted.has(item.samples))
        .map(({ input }) => input as NonNullable<typeof input>);
      return options.embedder.embedBatch(batch);
    };
    const embeddings = options.cache
      ? await options.cache.getOrComputeMany(
          items.map((item) => item.samples),
          items.map((item) => ({ base: options.baseId, augmentation: item.description })),
          compute,
        )
      : compute(items.map((item) => item.samples));
    items.forEach((item, j) => {
      const input = inputs[j] as NonNullable<(typeof inputs)[number]>;
      const e = embeddings[j] as Embeddings;
      results[group[j] as number] = {
        id: item.clip.id,
        label,
        speakerId: item.clip.speakerId,
        source: item.clip.source,
        category: item.clip.category,
        weight: item.clip.weight,
        frames: input.frames,
        frameCount: input.frameCount,
        embeddings: e.values,
        embeddingCount: e.count,
        description: item.description,
      };
    });
    done += items.length;
    options.onClips?.(done);
  }
  for (const clip of results) out.push(clip);
  return out;
}

/** Positives: `copies` augmented windows of each clip, the phrase ending near the window's end. */
export async function buildPositiveClips(
  clips: readonly DatasetClip[],
  options: BuildFeatureClipsOptions,
): Promise<FeatureClip[]> {
  const length = windowSamples(options.windowEmbeddings);
  const copies = options.copies ?? 1;
  const augmenter = createAugmenter(
    afterPlacement(options.augmentation, length),
    `${options.seed}/positives`,
  );
  const prepared: PreparedAudio[] = [];
  clips.forEach((clip, c) => {
    for (let copy = 0; copy < copies; copy += 1) {
      const random = createSeededRandom(`${options.seed}/place/${c}/${copy}`);
      let samples = clip.samples;
      let speed: number | undefined;
      const speedStage = options.augmentation.speed;
      if (speedStage && random.next() < speedStage.probability) {
        speed =
          speedStage.minFactor + (speedStage.maxFactor - speedStage.minFactor) * random.next();
        samples = speedPerturb(samples, speed);
      }
      const placed = placePositive(samples, length, random, options.placement);
      const index = c * copies + copy;
      const result = augmenter.augmentWithSteps(placed.samples, options.backgroundNoise, index);
      prepared.push({
        clip,
        samples: result.samples,
        description: describe(result.steps, { speed, endSample: placed.endSample, index }),
      });
    }
  });
  return embedAll(prepared, 1, options);
}

/**
 * Negatives and background: each short clip placed in a window like a positive (speech ending
 * in the window's last ~0.3 s), long ones cut
 * into pieces, augmented once (no speed or shift: every window of it is a negative anyway).
 */
export async function buildNegativeClips(
  clips: readonly DatasetClip[],
  options: BuildFeatureClipsOptions & { augment?: boolean; tag?: string },
): Promise<FeatureClip[]> {
  const length = windowSamples(options.windowEmbeddings);
  const piece = Math.round((options.maxPieceSeconds ?? 30) * SAMPLE_RATE_HZ);
  const prepared: PreparedAudio[] = [];
  const tag = options.tag ?? "negatives";
  let index = 0;
  clips.forEach((clip, c) => {
    for (let from = 0; from < clip.samples.length; from += piece) {
      const part = clip.samples.subarray(from, Math.min(clip.samples.length, from + piece));
      if (from > 0 && part.length < length / 2) break;
      const random = createSeededRandom(`${options.seed}/${tag}/${c}/${from}`);
      let samples: Float32Array = part;
      if (samples.length < length) {
        // Placed as positives are (speech ending near the window's end), so that where the
        // sound sits in the window tells the head nothing; only what is said does.
        samples = placePositive(samples, length, random, options.placement).samples;
      }
      let description = describe([], { from });
      if (options.augment !== false) {
        const augmenter = createAugmenter(
          afterPlacement(options.augmentation, samples.length),
          `${options.seed}/${tag}`,
        );
        const result = augmenter.augmentWithSteps(samples, options.backgroundNoise, index);
        samples = result.samples;
        description = describe(result.steps, { from, index });
      } else if (samples === part) {
        samples = part.slice();
      }
      index += 1;
      prepared.push({ clip, samples, description });
    }
  });
  return embedAll(prepared, 0, options);
}

/** Every window of `windowEmbeddings` embeddings of the given clips, at a stride. */
export function allWindows(
  clips: readonly FeatureClip[],
  windowEmbeddings: number,
  options: { offset?: number; stride?: number } = {},
): WindowRef[] {
  const stride = options.stride ?? 1;
  const out: WindowRef[] = [];
  const offset = options.offset ?? 0;
  for (let c = 0; c < clips.length; c += 1) {
    const count = (clips[c] as FeatureClip).embeddingCount;
    for (let start = 0; start + windowEmbeddings <= count; start += stride) {
      out.push({ clip: c + offset, start });
    }
  }
  return out;
}

/** The last window of each clip (a positive's phrase ends there). */
export function lastWindows(
  clips: readonly FeatureClip[],
  windowEmbeddings: number,
  offset = 0,
): WindowRef[] {
  return clips.flatMap((clip, c) =>
    clip.embeddingCount >= windowEmbeddings
      ? [{ clip: c + offset, start: clip.embeddingCount - windowEmbeddings }]
      : [],
  );
}

/** Stacks windows' embeddings: [n, W, dims] row-major. */
export function gatherEmbeddings(
  clips: readonly FeatureClip[],
  windows: readonly WindowRef[],
  windowEmbeddings: number,
  dims: number,
): Float32Array {
  const size = windowEmbeddings * dims;
  const out = new Float32Array(windows.length * size);
  windows.forEach((w, i) => {
    const clip = clips[w.clip] as FeatureClip;
    out.set(clip.embeddings.subarray(w.start * dims, w.start * dims + size), i * size);
  });
  return out;
}

/** Stacks windows' base-input frames: [n, frames, 32] row-major. */
export function gatherFrames(
  clips: readonly FeatureClip[],
  windows: readonly WindowRef[],
  windowEmbeddings: number,
): Float32Array {
  const frames = windowFrames(windowEmbeddings);
  const size = frames * MEL_BAND_COUNT;
  const out = new Float32Array(windows.length * size);
  windows.forEach((w, i) => {
    const clip = clips[w.clip] as FeatureClip;
    const from = w.start * EMBEDDING_HOP_FRAMES * MEL_BAND_COUNT;
    out.set(clip.frames.subarray(from, from + size), i * size);
  });
  return out;
}
