export { WORD_OUTPUT_LAYER, buildWordNetwork, type WordNetworkSpec } from "./word-network.js";
export {
  WORD_WINDOW_FRAMES,
  WORD_WINDOW_SAMPLES,
  backgroundWindows,
  wordWindowFrames,
  wordWindows,
  type WordWindow,
  type WordWindowOptions,
} from "./word-windows.js";
export {
  NO_WORD_CLASS,
  pretrainWords,
  type PretrainWordsOptions,
  type PretrainWordsResult,
  type WordEpochMetrics,
} from "./pretrain-words.js";
export {
  NESTED_BASE_FOLDER,
  WORD_NETWORK_BASE_ID,
  WORD_NETWORK_VERSION,
  loadWordNetwork,
  saveWordNetwork,
  wordNetworkManifest,
  type LoadedWordNetwork,
  type WordNetworkRecord,
} from "./word-base-directory.js";
export {
  SOUND_CLASSES,
  renderSound,
  soundCorpus,
  writeSoundCorpus,
  type SoundClass,
  type SoundCorpusOptions,
} from "./sound-corpus.js";
