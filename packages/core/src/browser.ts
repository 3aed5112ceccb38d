// The public surface of @wakeforge/core/browser: everything of the main entry that runs in a
// browser, plus what a browser needs instead of Node's file system (backends for the page, the
// base and models from URLs or bytes, models saved through tfjs IOHandlers). Nothing reachable
// from this file imports a Node built-in; browser-imports.test.ts walks the graph to prove it,
// and lint holds every file on that graph to the browser's rules.

// Backends: webgpu (when the app loaded its package) → webgl → wasm → cpu.
export {
  BROWSER_BACKEND_ORDER,
  isBackendChoice,
  type BackendCandidate,
  type BackendChoice,
  type BackendName,
  type BackendReport,
  type BrowserBackendName,
  type SkippedBackend,
} from "./backends/backend-types.js";
export {
  browserBackendCandidates,
  initBrowserBackend,
  type BrowserBackendOptions,
} from "./backends/browser-backends.js";
export { WASM_BINARY_FILES, type WasmPaths } from "./backends/portable-backends.js";
export { formatBackendReport, selectBackend } from "./backends/select-backend.js";
export { registerWasmGradientKernels } from "./backends/wasm-gradient-kernels.js";
export { BackendUnavailableError, WakeforgeCoreError } from "./errors.js";
export { TFJS_VERSION } from "./versions.js";

// The base network and the model zoo, from URLs the app serves or bytes it holds.
export {
  SPEECH_EMBEDDING_BASE_ID,
  loadOpenWakeWordHeadFrom,
  loadSpeechBase,
  readModelBytes,
  type ModelBytesSource,
  type ReadModelBytesOptions,
  type SpeechBase,
} from "./models/speech-base.js";
export { ModelFileMismatchError } from "./models/errors.js";
export { fullyConvolutionalBase } from "./models/fully-convolutional.js";
export {
  EMBEDDING_OUTPUT_LAYER,
  openWakeWordHeadFromBytes,
  speechEmbeddingBaseFromBytes,
} from "./models/speech-embedding.js";
export {
  OPENWAKEWORD_HEADS,
  OPENWAKEWORD_HEAD_NAMES,
  SPEECH_EMBEDDING,
  type BaseModelEntry,
  type HeadModelEntry,
  type ModelSource,
  type OpenWakeWordHeadName,
} from "./models/zoo.js";
export * from "./onnx/index.js";

// Features and live detection.
export {
  CHUNKS_BEFORE_FIRST_EMBEDDING,
  EMBEDDING_FIRST_FRAME,
  EMBEDDING_STEP_SECONDS,
  PRE_ROLL_SAMPLES,
  embeddingCount,
  embeddingEndSeconds,
} from "./features/feature-timeline.js";
export { baseInputForClip } from "./features/base-input.js";
export { Embedder, NO_EMBEDDINGS, type Embeddings } from "./features/embedder.js";
export { StreamingEmbedder } from "./features/streaming-embedder.js";
export {
  DEFAULT_REFRACTORY_SECONDS,
  DetectionTracker,
  TRAINED_HEAD_SMOOTHING_STEPS,
  detectInScores,
  type Detection,
  type DetectionPolicy,
} from "./detector/detection-policy.js";
export {
  StreamingDetector,
  scoreClip,
  type DetectorHead,
  type DetectorOutput,
  type DetectorStep,
  type HeadDetection,
} from "./detector/streaming-detector.js";

// Surgery: heads, freezing, cutting, composing.
export { composeDetector } from "./surgery/compose-detector.js";
export { cutAt, dropOutputLayer } from "./surgery/cut-model.js";
export {
  DEFAULT_HEAD_SPEC,
  buildHead,
  type HeadLayerSpec,
  type HeadSpec,
} from "./surgery/head-spec.js";
export {
  countTrainableParameters,
  listLayers,
  type LayerSummary,
} from "./surgery/layer-summary.js";
export { ensembleHeads } from "./surgery/ensemble-heads.js";
export { reinitializedCopy } from "./surgery/reinitialize.js";
export { SeededDropout } from "./surgery/seeded-dropout.js";
export {
  freezeLayers,
  selectLayers,
  setTrainable,
  unfreezeLayers,
  type LayerSelector,
} from "./surgery/select-layers.js";
export { SurgeryError } from "./surgery/surgery-error.js";

// Data sets in memory and training (transfer, scratch, fine-tuning) with per-epoch metrics.
export {
  DatasetError,
  DatasetFileError,
  type ClipKind,
  type ClipSource,
  type Dataset,
  type DatasetClip,
} from "./dataset/dataset-types.js";
export {
  memoryDataset,
  type MemoryClip,
  type MemoryDatasetInput,
} from "./dataset/memory-dataset.js";
export {
  DEFAULT_RECORDED_SHARE,
  assignTrainingWeights,
  mergeDatasets,
  recordedWeightShare,
  type TrainingWeightOptions,
} from "./dataset/weights.js";
export {
  splitBySpeaker,
  splitWakeWordSpeakers,
  OTHER_WAKE_WORD,
  type SpeakerSplit,
  type SpeakerSplitOptions,
} from "./dataset/split.js";
export {
  FEATURE_VERSION,
  MemoryEmbeddingStore,
  embeddingKey,
  type EmbeddingCacheStats,
  type EmbeddingKeyParts,
  type EmbeddingStore,
} from "./dataset/embedding-store.js";
export {
  DEFAULT_BACKGROUND_PIECE_SECONDS,
  cutIntoBackgroundPieces,
} from "./dataset/background-pieces.js";
export {
  GENERATED_NOISE_KINDS,
  generateNoise,
  generatedBackgroundClips,
  type GenerateNoiseOptions,
  type GeneratedNoiseKind,
} from "./dataset/generated-noise.js";
export { accuracyAt, recallAtFalseAcceptRate } from "./training/clip-metrics.js";
export type { EpochMetrics, TrainingRunName } from "./training/epoch-metrics.js";
export {
  allWindows,
  buildNegativeClips,
  buildPositiveClips,
  gatherEmbeddings,
  gatherFrames,
  lastWindows,
  placePositive,
  speechEndSample,
  windowFrames,
  windowSamples,
  type BuildFeatureClipsOptions,
  type FeatureClip,
  type PositivePlacement,
  type WindowRef,
} from "./training/examples.js";
export { composeFullyConvolutionalDetector } from "./training/fully-convolutional-detector.js";
export {
  balanceClasses,
  embeddingRms,
  evaluateHeldOut,
  foldInputScale,
  predictWindows,
  scoreValidation,
  trainRun,
  type BatchSource,
  type LabelledWindow,
  type ModelInput,
  type TrainRunOptions,
  type ValidationScores,
  type ValidationSet,
} from "./training/train-loop.js";
// The same pipeline as the main entry's trainWakeWord; here `base` is required (loadSpeechBase)
// and `cache` is an EmbeddingStore such as MemoryEmbeddingStore.
export {
  DEFAULT_ENSEMBLE_SIZE,
  copyBase,
  scratchCopy,
  trainWakeWord,
  type CalibrationInputs,
  type FineTuneOptions,
  type HardNegativeOptions,
  type InitialMetrics,
  type TrainWakeWordHooks,
  type TrainWakeWordOptions,
  type TrainWakeWordResult,
  type TrainingBase,
  type TrainingProgressEvent,
  type TrainingStage,
} from "./training/train-wake-word.js";
export {
  compareLearningCurves,
  earlySlope,
  type CurveMetric,
  type TransferVerdict,
  type VerdictOptions,
  type VerdictPoint,
} from "./training/verdict.js";

// Threshold calibration and stream metrics on scores computed in the page.
export {
  DEFAULT_DET_POINTS,
  DEFAULT_TARGET_FALSE_ACCEPTS_PER_HOUR,
  calibrateThreshold,
  detCurve,
  detThresholds,
  fitFalseAcceptTail,
  type CalibrateThresholdInput,
  type DetCurveInput,
  type DetPoint,
  type FalseAcceptTail,
  type ThresholdCalibration,
} from "./evaluation/det-curve.js";
export {
  DEFAULT_DETECTION_TOLERANCE_SECONDS,
  clipOutcome,
  countFalseAccepts,
  estimatePhraseEndSeconds,
  falseAcceptSteps,
  falseAcceptsPerHour,
  percentile,
  recallAt,
  smoothScores,
  summarizeLatency,
  type ClipOutcome,
  type ClipScores,
  type FalseAcceptOptions,
  type FalseAcceptRate,
  type LatencySummary,
  type NegativeStream,
  type RecallSummary,
} from "./evaluation/stream-metrics.js";
export * from "./report/index.js";

// Export and saving: ONNX heads, model files in memory, tfjs IOHandlers with the manifest.
export { headToOnnx } from "./export/head-to-onnx.js";
export {
  MODEL_FORMAT,
  MODEL_FORMAT_VERSION,
  MODEL_MANIFEST_FILE,
  ModelFormatError,
  detectionPolicyFor,
  headManifest,
  parseModelManifest,
  type HeadManifestOptions,
  type ModelManifest,
} from "./io/model-manifest.js";
export {
  MANIFEST_METADATA_KEY,
  MODEL_JSON_FILE,
  WEIGHTS_FILE,
  fetchModelDirectory,
  loadModel,
  loadModelFiles,
  modelToFiles,
  readModelFiles,
  saveModel,
  type LoadedModel,
  type ModelFileReader,
  type ModelFiles,
} from "./io/model-files.js";
