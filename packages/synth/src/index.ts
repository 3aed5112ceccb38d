// The public surface of @wakeforge/synth. Anything not exported here is internal.
export * from "./constants.js";
export type {
  EngineAvailability,
  SynthesisRequest,
  SynthesizedClip,
  TtsEngine,
  Voice,
  VoiceGender,
  VoiceVariant,
} from "./engine.js";
export {
  createEspeakNgEngine,
  type EspeakNgEngine,
  type EspeakNgOptions,
} from "./engines/espeak-ng.js";
export {
  SynthEngineUnavailableError,
  SynthError,
  SynthesisError,
  SynthRequestError,
  type SynthesisErrorCode,
  type SynthRequestErrorCode,
} from "./errors.js";
export { speakerIdOf } from "./speaker-id.js";
export { pickVoices, type PickVoicesOptions, type VoicePick } from "./voices.js";
