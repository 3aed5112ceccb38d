// The public surface of @wakeforge/audio. Anything not exported here is internal.
export * from "./constants.js";
export { AudioDecodeError, AudioEncodeError, AudioError, type AudioErrorCode } from "./errors.js";
export { decodeWav, type DecodedAudio, type DecodeWavOptions } from "./wav/decode-wav.js";
export { encodeWav, type EncodeWavOptions, type WavEncodeFormat } from "./wav/encode-wav.js";
export type { WavSampleFormat } from "./wav/sample-formats.js";
export { createSeededRandom, type SeededRandom } from "./random/seeded-random.js";
