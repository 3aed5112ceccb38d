export {
  DatasetError,
  DatasetFileError,
  type ClipKind,
  type ClipSource,
  type Dataset,
  type DatasetClip,
} from "./dataset-types.js";
export {
  AUDIO_FILE_EXTENSIONS,
  loadFolderDataset,
  loadSpeechCommandsDataset,
  readClipSamples,
  speechCommandsSpeaker,
  type DatasetManifestEntry,
  type LoadFolderDatasetOptions,
  type LoadSpeechCommandsOptions,
} from "./load-dataset.js";
export {
  DEFAULT_RECORDED_SHARE,
  assignTrainingWeights,
  mergeDatasets,
  recordedWeightShare,
  type TrainingWeightOptions,
} from "./weights.js";
export {
  splitBySpeaker,
  splitWakeWordSpeakers,
  OTHER_WAKE_WORD,
  type SpeakerSplit,
  type SpeakerSplitOptions,
} from "./split.js";
export { EmbeddingCache, embeddingCacheKey } from "./embedding-cache.js";
export {
  FEATURE_VERSION,
  MemoryEmbeddingStore,
  embeddingKey,
  type EmbeddingCacheStats,
  type EmbeddingKeyParts,
  type EmbeddingStore,
} from "./embedding-store.js";
export { memoryDataset, type MemoryClip, type MemoryDatasetInput } from "./memory-dataset.js";
export { DEFAULT_BACKGROUND_PIECE_SECONDS, cutIntoBackgroundPieces } from "./background-pieces.js";
export {
  GENERATED_NOISE_KINDS,
  generateNoise,
  generatedBackgroundClips,
  type GenerateNoiseOptions,
  type GeneratedNoiseKind,
} from "./generated-noise.js";
export {
  SAMPLE_PACK_PACKAGES,
  loadSamplePack,
  parseNoteName,
  renderSamplePackMusic,
  samplePackBackgroundClips,
  type LoadSamplePackOptions,
  type SampleNote,
  type SamplePack,
  type SamplePackBackgroundOptions,
} from "./sample-pack-music.js";
