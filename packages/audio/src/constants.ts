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

/** Length of the periodic Hann window centred inside each 512-sample FFT frame (25 ms). */
export const MEL_WINDOW_SAMPLES = 400;

/** Lowest edge of the mel filterbank, as in openWakeWord's melspectrogram.onnx. */
export const MEL_MIN_FREQUENCY_HZ = 60;

/** Highest edge of the mel filterbank, as in openWakeWord's melspectrogram.onnx. */
export const MEL_MAX_FREQUENCY_HZ = 3_800;

/** Mel-band power floor before the logarithm: 10·log10(1e-10) = −100 dB. */
export const LOG_MEL_POWER_FLOOR = 1e-10;

/** Dynamic range kept below the loudest value of a clip group, in dB (librosa's top_db). */
export const LOG_MEL_TOP_DB = 80;

/** Log-mel frames that share one top-dB reference: the frames one 80 ms streaming chunk yields. */
export const LOG_MEL_CLIP_GROUP_FRAMES = CHUNK_SIZE_SAMPLES / HOP_SIZE_SAMPLES;

/** Full scale of 16-bit PCM: −1…1 audio times this is the int16 scale the mel model expects. */
export const INT16_FULL_SCALE = 32_768;

/**
 * Resampler passband edge as a fraction of the lower of the two Nyquist frequencies: at 16 kHz
 * output, flat (±0.001 dB) to 7 kHz; the transition runs from there to the Nyquist frequency.
 */
export const RESAMPLER_PASSBAND_FRACTION = 0.875;

/** Resampler stopband attenuation from the lower Nyquist frequency up, in dB (Kaiser design). */
export const RESAMPLER_STOPBAND_ATTENUATION_DB = 80;

/** Lower edge of the telephone band (ITU-T G.712 voice channel), in Hz. */
export const TELEPHONE_BAND_LOW_HZ = 300;

/** Upper edge of the telephone band (ITU-T G.712 voice channel), in Hz. */
export const TELEPHONE_BAND_HIGH_HZ = 3_400;

/** Sample rate of narrowband telephony (G.711), in Hz. */
export const TELEPHONE_SAMPLE_RATE_HZ = 8_000;

/** μ-law companding constant of G.711 (North America, Japan). */
export const MU_LAW_MU = 255;
