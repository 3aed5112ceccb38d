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
  createFliteEngine,
  FLITE_MAX_RATE_WPM,
  FLITE_MIN_RATE_WPM,
  type FliteEngine,
  type FliteOptions,
} from "./engines/flite.js";
export {
  availableEngines,
  canSetPitch,
  requireEngines,
  type AvailableEngines,
  type EngineRegistryOptions,
} from "./engines/registry.js";
export {
  NoSynthEngineError,
  SynthEngineUnavailableError,
  SynthError,
  SynthesisError,
  SynthRequestError,
  type MissingEngine,
  type SynthesisErrorCode,
  type SynthRequestErrorCode,
} from "./errors.js";
export { speakerIdOf } from "./speaker-id.js";
export { pickVoices, type PickVoicesOptions, type VoicePick } from "./voices.js";
export {
  DEFAULT_PITCH_RANGE,
  DEFAULT_RATE_RANGE_WPM,
  planVoices,
  type PlanVoicesOptions,
  type VoicePlan,
  type VoicePlanEntry,
} from "./voice-plan.js";
export {
  confusablePhrases,
  type ConfusableKind,
  type ConfusableOptions,
  type ConfusablePhrase,
  type ConfusableResult,
} from "./confusables.js";
export {
  COMMON_WORDS,
  EVERYDAY_SENTENCES,
  generalSpeechTexts,
  SOUND_ALIKE_WORDS,
  type GeneralSpeechOptions,
} from "./general-speech.js";
export {
  synthesizeDataset,
  type ClipFailure,
  type SynthesisProgress,
  type SynthesizeDatasetOptions,
  type SynthesizeDatasetResult,
} from "./synthesize-dataset.js";
export {
  MANIFEST_FILE,
  MANIFEST_FORMAT,
  MANIFEST_VERSION,
  readManifestIfAny as readSyntheticManifest,
  type ClipCategory,
  type ClipKind,
  type SyntheticClip,
  type SyntheticManifest,
} from "./dataset/manifest.js";
export {
  CORPUS_WORDS,
  synthesizeWordCorpus,
  type SynthesizeWordCorpusOptions,
  type SynthesizeWordCorpusResult,
} from "./word-corpus.js";
