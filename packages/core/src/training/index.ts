export { accuracyAt, recallAtFalseAcceptRate } from "./clip-metrics.js";
export type { EpochMetrics, TrainingRunName } from "./epoch-metrics.js";
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
} from "./examples.js";
export { composeFullyConvolutionalDetector } from "./fully-convolutional-detector.js";
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
} from "./train-loop.js";
export {
  DEFAULT_ENSEMBLE_SIZE,
  DEFAULT_SCRATCH_WINDOWS_PER_EPOCH,
  copyBase,
  scratchCopy,
  type CalibrationInputs,
  type FineTuneOptions,
  type InitialMetrics,
  type HardNegativeOptions,
  type TrainWakeWordHooks,
  type TrainWakeWordResult,
  type TrainingBase,
  type TrainingProgressEvent,
  type TrainingStage,
} from "./train-wake-word.js";
// Node's trainWakeWord: the zoo's base from node_modules and a cache directory by default.
export {
  loadDefaultTrainingBase,
  trainWakeWord,
  type TrainWakeWordOptions,
} from "./node-training.js";
export {
  compareLearningCurves,
  earlySlope,
  type CurveMetric,
  type TransferVerdict,
  type VerdictOptions,
  type VerdictPoint,
} from "./verdict.js";
