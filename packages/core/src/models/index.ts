export { ModelFileMismatchError } from "./errors.js";
export { fullyConvolutionalBase } from "./fully-convolutional.js";
export {
  loadOpenWakeWordHead,
  loadSpeechEmbeddingBase,
  resolveModelFile,
} from "./node-model-files.js";
export {
  SPEECH_EMBEDDING_BASE_ID,
  loadOpenWakeWordHeadFrom,
  loadSpeechBase,
  readModelBytes,
  type ModelBytesSource,
  type ReadModelBytesOptions,
  type SpeechBase,
} from "./speech-base.js";
export {
  EMBEDDING_OUTPUT_LAYER,
  openWakeWordHeadFromBytes,
  speechEmbeddingBaseFromBytes,
} from "./speech-embedding.js";
export {
  OPENWAKEWORD_HEADS,
  OPENWAKEWORD_HEAD_NAMES,
  SPEECH_EMBEDDING,
  type BaseModelEntry,
  type HeadModelEntry,
  type ModelSource,
  type OpenWakeWordHeadName,
} from "./zoo.js";
