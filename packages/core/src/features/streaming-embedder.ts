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

/**
 * Live embeddings: 16 kHz PCM (−1…1) in chunks of any size, each embedding out as soon as its
 * 80 ms chunk has arrived. Yields exactly the embeddings Embedder.embedClip gives for the whole
 * signal, in the same order.
 */
export class StreamingEmbedder {
  private readonly logMel = new LogMelStream();
  /** Base-input frames not yet behind every future window; frame `bufferFirstFrame` first. */
  private buffer = new Float32Array(0);
  private bufferFirstFrame = 0;
  private framesSeen = 0;
  private nextEmbedding = 0;

  constructor(private readonly embedder: Embedder) {
    this.reset();
  }

  /** Index of the next embedding this stream will yield. */
  get embeddingsSoFar(): number {
    return this.nextEmbedding;
  }

  push(samples: Float32Array): Embeddings {
    const fresh = this.logMel.push(toInt16Scale(samples));
    if (fresh.frameCount === 0) return { ...NO_EMBEDDINGS, dims: this.embedder.dims };
    this.append(toBaseNetworkInput(fresh, { inPlace: true }).frames, fresh.frameCount);
    return this.embedReadyWindows();
  }

  reset(): void {
    this.logMel.reset();
    this.buffer = new Float32Array(0);
    this.bufferFirstFrame = 0;
    this.framesSeen = 0;
    this.nextEmbedding = 0;
    this.logMel.push(new Float32Array(PRE_ROLL_SAMPLES));
  }

  private append(frames: Float32Array, frameCount: number): void {
    const grown = new Float32Array(this.buffer.length + frames.length);
    grown.set(this.buffer);
    grown.set(frames.subarray(0, frameCount * MEL_BAND_COUNT), this.buffer.length);
    this.buffer = grown;
    this.framesSeen += frameCount;
  }

  private embedReadyWindows(): Embeddings {
    const windowStart = (k: number) => EMBEDDING_FIRST_FRAME + k * EMBEDDING_HOP_FRAMES;
    let last = this.nextEmbedding - 1;
    while (windowStart(last + 1) + EMBEDDING_WINDOW_FRAMES <= this.framesSeen) last += 1;
    if (last < this.nextEmbedding) return { ...NO_EMBEDDINGS, dims: this.embedder.dims };

    // One fully convolutional pass over the frames spanning all newly ready windows.
    const from = windowStart(this.nextEmbedding);
    const to = windowStart(last) + EMBEDDING_WINDOW_FRAMES;
    const offset = (from - this.bufferFirstFrame) * MEL_BAND_COUNT;
    const frames = this.buffer.subarray(offset, offset + (to - from) * MEL_BAND_COUNT);
    const embeddings = this.embedder.embedFrames({ frames, frameCount: to - from });
    this.nextEmbedding = last + 1;

    // Drop frames no later window needs.
    const keepFrom = windowStart(this.nextEmbedding);
    const drop = Math.max(0, keepFrom - this.bufferFirstFrame);
    this.buffer = this.buffer.slice(drop * MEL_BAND_COUNT);
    this.bufferFirstFrame += drop;
    return embeddings;
  }
}
