// Where wakeforge's features sit in time. The definitions follow openWakeWord's streaming
// exactly, so a batch pass over a clip and a live stream give the same embeddings, and both
// match openWakeWord's own chain of ONNX models on the same audio:
//
// - 480 samples of silence precede the audio (openWakeWord's mel context before the first
//   80 ms chunk). Log-mel frame f then starts at audio sample 160·f − 480, and the frames of
//   80 ms chunk c are f = 8c … 8c + 7, the group the top-dB clip works on.
// - Embedding k covers frames [4 + 8k, 80 + 8k): the last 76 frames once chunk c = k + 9 has
//   arrived. Frames 0…3 are never the start of a window, so the batch pass drops them and runs
//   the fully convolutional base (hop 8) over the rest.
import {
  CHUNK_SIZE_SAMPLES,
  EMBEDDING_HOP_FRAMES,
  EMBEDDING_WINDOW_FRAMES,
  MEL_CONTEXT_SAMPLES,
  SAMPLE_RATE_HZ,
} from "@wakeforge/audio";

/** Silent samples put before the audio, as openWakeWord's mel context. */
export const PRE_ROLL_SAMPLES = MEL_CONTEXT_SAMPLES;
/** Log-mel frames before the first embedding window starts. */
export const EMBEDDING_FIRST_FRAME =
  (EMBEDDING_HOP_FRAMES - (EMBEDDING_WINDOW_FRAMES % EMBEDDING_HOP_FRAMES)) % EMBEDDING_HOP_FRAMES;
/** 80 ms chunks that must arrive before the first embedding: (4 + 76) / 8 = 10. */
export const CHUNKS_BEFORE_FIRST_EMBEDDING =
  (EMBEDDING_FIRST_FRAME + EMBEDDING_WINDOW_FRAMES) / EMBEDDING_HOP_FRAMES;
/** Seconds between consecutive embeddings (and scores): 80 ms. */
export const EMBEDDING_STEP_SECONDS = CHUNK_SIZE_SAMPLES / SAMPLE_RATE_HZ;

/** Embeddings a clip of `sampleCount` 16 kHz samples yields (0 when it is shorter than 0.8 s). */
export function embeddingCount(sampleCount: number): number {
  return Math.max(
    0,
    Math.floor(sampleCount / CHUNK_SIZE_SAMPLES) - CHUNKS_BEFORE_FIRST_EMBEDDING + 1,
  );
}

/** Seconds from the start of the audio to the end of the audio embedding k depends on. */
export function embeddingEndSeconds(k: number): number {
  return (k + CHUNKS_BEFORE_FIRST_EMBEDDING) * EMBEDDING_STEP_SECONDS;
}
