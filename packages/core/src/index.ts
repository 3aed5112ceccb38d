// The public surface of @wakeforge/core. Anything not exported here is internal.
export * from "./backends/index.js";
export { BackendUnavailableError, WakeforgeCoreError } from "./errors.js";
export * from "./system/index.js";
export { registerWasmGradientKernels } from "./backends/wasm-gradient-kernels.js";
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
export { writeDirectoryAtomic, writeFileAtomic } from "./io/atomic-write.js";
export {
  MODEL_JSON_FILE,
  WEIGHTS_FILE,
  loadModelDirectory,
  saveModelDirectory,
  type NestedModel,
  type LoadedModelDirectory,
} from "./io/model-directory.js";
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
export * from "./onnx/index.js";
export * from "./models/index.js";
export {
  DEFAULT_REFRACTORY_SECONDS,
  DetectionTracker,
  TRAINED_HEAD_SMOOTHING_STEPS,
  detectInScores,
  type Detection,
  type DetectionPolicy,
} from "./detector/detection-policy.js";
export {
  CHUNKS_BEFORE_FIRST_EMBEDDING,
  EMBEDDING_FIRST_FRAME,
  EMBEDDING_STEP_SECONDS,
  PRE_ROLL_SAMPLES,
  embeddingCount,
  embeddingEndSeconds,
} from "./features/feature-timeline.js";
export { baseInputForClip } from "./features/base-input.js";
export {
  Embedder,
  MAX_FRAMES_PER_PASS,
  NO_EMBEDDINGS,
  type Embeddings,
} from "./features/embedder.js";
export { StreamingEmbedder } from "./features/streaming-embedder.js";
export { ParallelEmbedder, type ParallelEmbedderOptions } from "./features/parallel-embedder.js";
export {
  loadDetectorDirectory,
  speechEmbeddingEmbedder,
  type LoadedDetectorDirectory,
} from "./detector/load-detector-directory.js";
export {
  StreamingDetector,
  scoreClip,
  type DetectorHead,
  type DetectorOutput,
  type DetectorStep,
  type HeadDetection,
} from "./detector/streaming-detector.js";
export { headToOnnx } from "./export/head-to-onnx.js";
export { TFJS_VERSION } from "./versions.js";
// Evaluation (stream-level metrics, DET, calibration, negative audio) and report pictures.
export * from "./evaluation/index.js";
export * from "./report/index.js";
export * from "./dataset/index.js";
export * from "./training/index.js";
export * from "./pretraining/index.js";
