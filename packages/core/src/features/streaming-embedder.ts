import {
  LogMelStream,
  MEL_BAND_COUNT,
  EMBEDDING_HOP_FRAMES,
  EMBEDDING_WINDOW_FRAMES,
  toBaseNetworkInput,
  toInt16Scale,
} from "@wakeforge/audio";
import { NO_EMBEDDINGS, type Embedder, type Embeddings } from "./embedder.js";
import { EMBEDDING_FIRST_FRAME, PRE_ROLL_SAMPLES } from "./feature-timeline.js";
import { IncrementalChain } from "./incremental-chain.js";

/** Base-input frames in, the embeddings they complete out. */
interface FrameSink {
  push(frames: Float32Array, frameCount: number): { values: Float32Array; count: number };
  reset(): void;
}

/**
 * Live embeddings: 16 kHz PCM (−1…1) in chunks of any size, each embedding out as soon as its
 * 80 ms chunk has arrived. Yields exactly the embeddings Embedder.embedClip gives for the whole
 * signal, in the same order. Bases that compile to an incremental chain compute only the new
 * rows of every layer per chunk; others rerun the base over each new window.
 */
export class StreamingEmbedder {
  private readonly logMel = new LogMelStream();
  private readonly sink: FrameSink;
  /** Frames still to drop before the first window's first frame. */
  private toSkip = EMBEDDING_FIRST_FRAME;
  private nextEmbedding = 0;

  constructor(private readonly embedder: Embedder) {
    this.sink =
      IncrementalChain.create(embedder.fullyConvolutionalBase) ?? new WindowedFrames(embedder);
    this.reset();
  }

  /** Index of the next embedding this stream will yield. */
  get embeddingsSoFar(): number {
    return this.nextEmbedding;
  }

  push(samples: Float32Array): Embeddings {
    const fresh = this.logMel.push(toInt16Scale(samples));
    const skip = Math.min(this.toSkip, fresh.frameCount);
    this.toSkip -= skip;
    if (fresh.frameCount === skip) return { ...NO_EMBEDDINGS, dims: this.embedder.dims };
    const frames = toBaseNetworkInput(fresh, { inPlace: true }).frames;
    const { values, count } = this.sink.push(
      frames.subarray(skip * MEL_BAND_COUNT),
      fresh.frameCount - skip,
    );
    this.nextEmbedding += count;
    return { values, count, dims: this.embedder.dims };
  }

  /** Forgets the signal so far, and frees the tensors an incremental chain held for it. */
  reset(): void {
    this.logMel.reset();
    this.sink.reset();
    this.toSkip = EMBEDDING_FIRST_FRAME;
    this.nextEmbedding = 0;
    this.logMel.push(new Float32Array(PRE_ROLL_SAMPLES));
  }
}

/** Any fully convolutional base: one pass over the frames spanning all newly complete windows. */
class WindowedFrames implements FrameSink {
  /** Frames not yet behind every future window; the first is the next window's first frame. */
  private buffer = new Float32Array(0);
  private frameCount = 0;

  constructor(private readonly embedder: Embedder) {}

  push(frames: Float32Array, frameCount: number): { values: Float32Array; count: number } {
    const grown = new Float32Array((this.frameCount + frameCount) * MEL_BAND_COUNT);
    grown.set(this.buffer.subarray(0, this.frameCount * MEL_BAND_COUNT));
    grown.set(frames.subarray(0, frameCount * MEL_BAND_COUNT), this.frameCount * MEL_BAND_COUNT);
    this.buffer = grown;
    this.frameCount += frameCount;
    if (this.frameCount < EMBEDDING_WINDOW_FRAMES) return { values: new Float32Array(0), count: 0 };
    const windows =
      Math.floor((this.frameCount - EMBEDDING_WINDOW_FRAMES) / EMBEDDING_HOP_FRAMES) + 1;
    const span = EMBEDDING_WINDOW_FRAMES + (windows - 1) * EMBEDDING_HOP_FRAMES;
    const embeddings = this.embedder.embedFrames({
      frames: this.buffer.subarray(0, span * MEL_BAND_COUNT),
      frameCount: span,
    });
    // Drop the frames no later window needs.
    const drop = windows * EMBEDDING_HOP_FRAMES;
    this.buffer = this.buffer.slice(drop * MEL_BAND_COUNT);
    this.frameCount -= drop;
    return embeddings;
  }

  reset(): void {
    this.buffer = new Float32Array(0);
    this.frameCount = 0;
  }
}
