// Every number wakeforge's audio pipeline depends on, named with its unit, in one place.
// The framing values follow openWakeWord and Google's speech-embedding base model; changing
// one of them breaks compatibility with that pre-trained base.

/** Sample rate of everything the feature pipeline consumes. */
export const SAMPLE_RATE_HZ = 16_000;

/** STFT window and FFT length of the mel front end (32 ms at 16 kHz). */
export const FFT_SIZE_SAMPLES = 512;

/** Step between log-mel frames (10 ms at 16 kHz). */
export const HOP_SIZE_SAMPLES = 160;

/** Mel bands per log-mel frame. */
export const MEL_BAND_COUNT = 32;

/** Streaming chunk length (80 ms at 16 kHz); one embedding and one score per chunk. */
export const CHUNK_SIZE_SAMPLES = 1_280;

/** Audio before a chunk that the mel model re-reads so the chunk yields whole frames. */
export const MEL_CONTEXT_SAMPLES = 480;

/** Log-mel frames the embedding model sees at once (0.775 s of audio). */
export const EMBEDDING_WINDOW_FRAMES = 76;

/** Log-mel frames between consecutive embeddings: the base model's time stride (80 ms). */
export const EMBEDDING_HOP_FRAMES = 8;

/** Length of one embedding vector produced by the base model. */
export const EMBEDDING_DIMENSIONS = 96;

/** Embeddings a trigger-word head looks at (16 × 80 ms ≈ 1.3 s of steps, 1.96 s receptive field). */
export const HEAD_WINDOW_EMBEDDINGS = 16;

/** Lowest sample rate a decoded file may declare; below this it is corrupt, not audio. */
export const MIN_SAMPLE_RATE_HZ = 1_000;

/** Highest sample rate a decoded file may declare (16 × 48 kHz, the top of pro-audio use). */
export const MAX_SAMPLE_RATE_HZ = 768_000;

/**
 * WAV writers that cannot seek back (pipes: sox, espeak-ng --stdout, ffmpeg) leave a placeholder
 * data size of about 2 GiB or more (0x7ffff000, 0xffffffff). A declared size this large that
 * overruns the bytes at hand means "length unknown", so the data runs to the end of the bytes.
 */
export const STREAMED_WAV_MIN_PLACEHOLDER_BYTES = 0x7fff_0000;
