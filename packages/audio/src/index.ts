// The public surface of @wakeforge/audio. Anything not exported here is internal.
export * from "./constants.js";
export { AudioDecodeError, AudioEncodeError, AudioError, type AudioErrorCode } from "./errors.js";
export { decodeWav, type DecodedAudio, type DecodeWavOptions } from "./wav/decode-wav.js";
export { encodeWav, type EncodeWavOptions, type WavEncodeFormat } from "./wav/encode-wav.js";
export type { WavSampleFormat } from "./wav/sample-formats.js";
export { createSeededRandom, type SeededRandom } from "./random/seeded-random.js";
export {
  computeLogMel,
  logMelFrameCount,
  toBaseNetworkInput,
  toInt16Scale,
  type BaseNetworkInputOptions,
  type LogMel,
  type LogMelOptions,
} from "./features/log-mel.js";
export { LogMelStream } from "./features/log-mel-stream.js";
export {
  createMelFilterbank,
  hzToSlaneyMel,
  melFilterbankToDense,
  slaneyMelToHz,
  type MelFilterbank,
  type MelFilterbankOptions,
} from "./features/mel-filterbank.js";
export { logMelFilterbank } from "./features/log-mel-frame.js";
export { periodicHann } from "./features/window.js";
export { AudioArgumentError } from "./errors.js";
export {
  createResampler,
  resample,
  type ResampleOptions,
  type StreamingResampler,
} from "./resample/resampler.js";
export { applyGain, decibelsToAmplitude, type ApplyGainOptions } from "./augment/gain.js";
export { mixAtSnr, type MixAtSnrOptions } from "./augment/mix.js";
export { shiftAndPad, type ShiftAndPadOptions } from "./augment/shift.js";
export { speedPerturb } from "./augment/speed.js";
export {
  generateRoomImpulseResponse,
  reverberate,
  type ReverberateOptions,
  type RoomImpulseResponseOptions,
} from "./augment/room.js";
export { muLawRoundTrip, telephoneBand, type TelephoneBandOptions } from "./augment/telephone.js";
export {
  createAugmenter,
  DEFAULT_AUGMENTATION_CONFIG,
  type AugmentationConfig,
  type AugmentationResult,
  type AugmentationStep,
  type Augmenter,
} from "./augment/augmenter.js";
export {
  decodeAudio,
  type DecodeAudioOptions,
  type DecodedAudioFile,
} from "./decode/decode-audio.js";
export { sniffAudioContainer, type AudioContainer } from "./decode/sniff-container.js";
export {
  butterworth,
  designBiquad,
  filterCascade,
  type Biquad,
  type BiquadKind,
} from "./augment/biquad.js";
