// Training a trigger word end to end on a data set: split by speaker, augment, embed (cached),
// train the head on the frozen base (transfer), optionally the same network from scratch on the
// same data, epochs and seed, optionally fine-tune the top base layer, and compare the curves.
// Runs anywhere (the browser entry trains with it); node-training.ts adds Node's defaults.
import * as tf from "@tensorflow/tfjs";
import { DEFAULT_AUGMENTATION_CONFIG, type AugmentationConfig } from "@wakeforge/audio";
import type { Dataset, DatasetClip } from "../dataset/dataset-types.js";
import type { EmbeddingCacheStats, EmbeddingStore } from "../dataset/embedding-store.js";
import { splitBySpeaker, splitWakeWordSpeakers } from "../dataset/split.js";
import { Embedder } from "../features/embedder.js";
import { fullyConvolutionalBase } from "../models/fully-convolutional.js";
import { registerOnnxLayers } from "../onnx/index.js";
import { DEFAULT_HEAD_SPEC, buildHead, type HeadSpec } from "../surgery/head-spec.js";
import { ensembleHeads } from "../surgery/ensemble-heads.js";
import { reinitializedCopy } from "../surgery/reinitialize.js";
import { freezeLayers, unfreezeLayers } from "../surgery/select-layers.js";
import { tfjsSeed } from "../surgery/tfjs-seed.js";
import { WakeforgeCoreError } from "../errors.js";
import { recallAtFalseAcceptRate } from "./clip-metrics.js";
import type { EpochMetrics, TrainingRunName } from "./epoch-metrics.js";
import {
  allWindows,
  buildNegativeClips,
  buildPositiveClips,
  lastWindows,
  type FeatureClip,
  type WindowRef,
} from "./examples.js";
import { composeFullyConvolutionalDetector } from "./fully-convolutional-detector.js";
import {
  balanceClasses,
  embeddingRms,
  evaluateHeldOut,
  foldInputScale,
  predictWindows,
  scoreValidation,
  trainRun,
  type BatchSource,
  type LabelledWindow,
  type ValidationScores,
  type ValidationSet,
} from "./train-loop.js";
import { compareLearningCurves, type TransferVerdict } from "./verdict.js";

/**
 * Windows per scratch epoch by default: 10 epochs then take 4–5 minutes on a 2-core machine
 * (wasm), which keeps `wakeforge train --synth 300 --compare-scratch` within 15 minutes.
 */
export const DEFAULT_SCRATCH_WINDOWS_PER_EPOCH = 128;

/**
 * Transfer heads trained from different seeds and averaged into the detector, by default. Five
 * took "hey nova" from 72 % to 90 % recall at one false accept per hour on held-out voices and a
 * held-out hour, nine did no better (docs/training.md); they train on cached features, so five
 * cost about 90 s more than one.
 */
export const DEFAULT_ENSEMBLE_SIZE = 5;

/** Held-out background windows scored per epoch at most (validation loss). */
const MAX_VALIDATION_BACKGROUND_WINDOWS = 256;

/** A base to transfer from: the windowed model ([N, 76, 32, 1] → [N, dims]) and its identity. */
export interface TrainingBase {
  readonly model: tf.LayersModel;
  /** Stable identity for the embedding cache, e.g. `speech-embedding@<sha256>`. */
  readonly id: string;
}

export interface FineTuneOptions {
  readonly epochs?: number;
  readonly learningRate?: number;
  /** Base layers unfrozen. Default ["conv_20"]. */
  readonly layers?: readonly string[];
}

export interface HardNegativeOptions {
  /** False accepts added after each transfer epoch (top scores of the pool, ≥ 0.5). Default 64. */
  readonly perEpoch?: number;
}

export interface TrainWakeWordOptions {
  readonly phrase: string;
  readonly dataset: Dataset;
  readonly seed?: number;
  /** Epochs of the transfer run, and of the scratch run. Default 10. */
  readonly epochs?: number;
  readonly compareScratch?: boolean;
  readonly fineTune?: boolean | FineTuneOptions;
  readonly headSpec?: HeadSpec;
  /** Head (transfer) batch size. Default 64. */
  readonly batchSize?: number;
  /** Adam learning rate of the head and of the scratch run. Default 0.001. */
  readonly learningRate?: number;
  /** The base to transfer from (Node's trainWakeWord defaults to the zoo's, from node_modules). */
  readonly base: TrainingBase;
  /** Keeps embeddings between runs (EmbeddingCache, MemoryEmbeddingStore); none by default. */
  readonly cache?: EmbeddingStore;
  readonly augmentation?: AugmentationConfig;
  /** Augmented copies of each training positive. Default 3. */
  readonly augmentationsPerPositive?: number;
  /** Share of speakers held out for the per-epoch metrics. Default 0.2. */
  readonly testFraction?: number;
  /** Clip false-accept rate at which recall is reported per epoch. Default 0.05. */
  readonly falseAcceptRate?: number;
  /** Background windows taken into training at this stride (embeddings); the rest is mined. Default 4. */
  readonly backgroundStride?: number;
  readonly hardNegatives?: false | HardNegativeOptions;
  /**
   * Transfer heads trained on the same features from different seeds and folded into one
   * detector whose score is their mean (`ensembleHeads`). The learning curves and the scratch
   * comparison are those of the first head, the architecture scratch trains too. Default
   * DEFAULT_ENSEMBLE_SIZE.
   */
  readonly ensembleSize?: number;
  /**
   * Scratch run (and fine-tuning) limits: batch size (default 32) and a cap on the windows
   * trained per epoch, a seeded sample of the epoch's windows (default
   * DEFAULT_SCRATCH_WINDOWS_PER_EPOCH; Infinity for all). End-to-end steps cost about 0.2 s per
   * window on two cores with wasm, against well under 1 ms for the head on cached embeddings.
   */
  readonly scratch?: { readonly batchSize?: number; readonly maxWindowsPerEpoch?: number };
}

export type TrainingStage = "augmenting" | "embedding" | "training" | "evaluating";

/** Progress in the shape of @wakeforge/jobs events (the worker adds jobId and timeMs). */
export type TrainingProgressEvent =
  | { readonly type: "stage"; readonly stage: TrainingStage }
  | { readonly type: "progress"; readonly fraction: number; readonly etaSeconds?: number }
  | {
      readonly type: "epoch";
      readonly run: TrainingRunName;
      readonly epoch: number;
      readonly metrics: EpochMetrics;
    }
  | { readonly type: "log"; readonly level: "debug" | "info" | "warn"; readonly message: string };

export interface TrainWakeWordHooks {
  readonly onProgress?: (event: TrainingProgressEvent) => void;
  /**
   * Stops training between clips and between epochs (a worker shutting down, a cancelled job):
   * `trainWakeWord` rejects with the signal's reason and leaves nothing half-written.
   */
  readonly signal?: AbortSignal;
}

/** Held-out metrics of a model before training. */
export type InitialMetrics = Pick<
  EpochMetrics,
  "recallAtFar" | "thresholdAtFar" | "valAccuracy" | "valLoss"
>;

/** Held-out scores of the final transfer head: what threshold calibration starts from. */
export interface CalibrationInputs {
  readonly falseAcceptRate: number;
  readonly thresholdAtFar: number;
  readonly recallAtFar: number;
  readonly positiveScores: Float32Array;
  /** Source of each held-out positive (recordings are reported apart from synthetic clips). */
  readonly positiveSources: readonly ("synthetic" | "recorded")[];
  readonly positiveSpeakers: readonly string[];
  /** Highest window score of each held-out negative clip. */
  readonly negativeClipScores: Float32Array;
  /** Recall at thresholdAtFar per source of held-out positives. */
  readonly recallBySource: { readonly synthetic?: number; readonly recorded?: number };
}

export interface TrainWakeWordResult {
  readonly phrase: string;
  readonly transferHead: tf.LayersModel;
  /** The same network trained from scratch: [batch, 196, 32, 1] log-mel → score. */
  readonly scratchModel?: tf.LayersModel;
  /** The fine-tuned detector ([batch, 196, 32, 1] → score) with its base copy. */
  readonly fineTunedModel?: tf.LayersModel;
  readonly curves: {
    readonly transfer: EpochMetrics[];
    readonly scratch?: EpochMetrics[];
    readonly fineTune?: EpochMetrics[];
  };
  readonly verdict?: TransferVerdict;
  /** Held-out metrics of the untrained models (epoch 0), where each curve starts from. */
  readonly initial: { readonly transfer: InitialMetrics; readonly scratch?: InitialMetrics };
  readonly calibration: CalibrationInputs;
  readonly split: { readonly trainSpeakers: string[]; readonly testSpeakers: string[] };
  readonly counts: {
    readonly trainPositiveWindows: number;
    readonly trainNegativeWindows: number;
    readonly minedHardNegatives: number;
    readonly heldOutPositives: number;
    readonly heldOutNegativeClips: number;
    readonly scratchWindowsPerEpoch?: number;
  };
  readonly seconds: {
    readonly features: number;
    readonly transfer: number;
    readonly scratch?: number;
    readonly fineTune?: number;
  };
  readonly cacheStats?: EmbeddingCacheStats;
}

/** A copy of a windowed base with its own variables (training the copy leaves `base` alone). */
export async function copyBase(base: tf.LayersModel, seed = 0): Promise<tf.LayersModel> {
  registerOnnxLayers();
  const copy = await reinitializedCopy(base, seed);
  copy.setWeights(base.getWeights());
  return copy;
}

/**
 * The same network as `base` with fresh seeded weights for training from scratch: convolution
 * kernels drawn He-normal for LeakyReLU(0.2) (std √(2 / ((1 + 0.2²)·fan-in))), biases zero. The
 * imported layers' default (Glorot) initialisation shrinks the signal about 0.6× per layer, so
 * through 20 convolutions without batch norm nothing would reach the head and the comparison
 * would be unfair to scratch.
 */
export async function scratchCopy(base: tf.LayersModel, seed: number): Promise<tf.LayersModel> {
  registerOnnxLayers();
  const copy = await reinitializedCopy(base, seed);
  copy.layers.forEach((layer, i) => {
    const weights = layer.getWeights();
    const kernel = weights[0];
    if (!kernel || kernel.rank !== 4) return;
    const [kh, kw, inChannels] = kernel.shape as [number, number, number, number];
    const std = Math.sqrt(2 / ((1 + 0.2 ** 2) * kh * kw * inChannels));
    const fresh = tf.randomNormal(kernel.shape, 0, std, "float32", tfjsSeed(seed, 10_000 + i));
    const rest = weights.slice(1).map((w) => tf.zerosLike(w));
    layer.setWeights([fresh, ...rest]);
    tf.dispose([fresh, ...rest]);
  });
  return copy;
}

/** A head with the same architecture and weights as `head`, on its own variables. */
function copyHead(head: tf.LayersModel, spec: HeadSpec, seed: number): tf.LayersModel {
  const copy = buildHead(spec, { seed, name: `${head.name}_finetuned` });
  copy.setWeights(head.getWeights());
  return copy;
}

function stageWeights(options: { scratch: boolean; fineTune: boolean }) {
  const weights = {
    features: 0.3,
    transfer: 0.15,
    scratch: options.scratch ? 0.45 : 0,
    finetune: options.fineTune ? 0.1 : 0,
  };
  const total = weights.features + weights.transfer + weights.scratch + weights.finetune;
  let at = 0;
  const spans: Record<string, [number, number]> = {};
  for (const [name, w] of Object.entries(weights)) {
    spans[name] = [at / total, (at + w) / total];
    at += w;
  }
  return spans as Record<keyof typeof weights, [number, number]>;
}

/**
 * Trains a detector for `phrase` on `dataset` (see docs/training.md). Deterministic for a seed
 * on one backend: weights are initialised from seeds, shuffles and augmentation come from
 * createSeededRandom.
 */
export async function trainWakeWord(
  options: TrainWakeWordOptions,
  hooks: TrainWakeWordHooks = {},
): Promise<TrainWakeWordResult> {
  const emit = hooks.onProgress ?? (() => undefined);
  const seed = options.seed ?? 0;
  const epochs = options.epochs ?? 10;
  const spec = options.headSpec ?? DEFAULT_HEAD_SPEC;
  const W = spec.windowEmbeddings;
  const falseAcceptRate = options.falseAcceptRate ?? 0.05;
  const learningRate = options.learningRate ?? 1e-3;
  const fineTune =
    options.fineTune === true ? {} : options.fineTune === false ? undefined : options.fineTune;
  const compareScratch = options.compareScratch ?? false;
  const spans = stageWeights({ scratch: compareScratch, fineTune: fineTune !== undefined });
  const started = performance.now();
  const report = (fraction: number) => {
    const elapsed = (performance.now() - started) / 1000;
    const f = Math.min(1, Math.max(0, fraction));
    emit({
      type: "progress",
      fraction: f,
      ...(f > 0.02 ? { etaSeconds: (elapsed / f) * (1 - f) } : {}),
    });
  };
  const within = (span: [number, number]) => (f: number) =>
    report(span[0] + (span[1] - span[0]) * f);

  const { dataset } = options;
  if (dataset.positives.length === 0) {
    throw new WakeforgeCoreError(
      "NO_POSITIVES",
      `the data set at ${dataset.root} has no positives`,
    );
  }
  if (dataset.negatives.length === 0 && dataset.background.length === 0) {
    throw new WakeforgeCoreError(
      "NO_NEGATIVES",
      `the data set at ${dataset.root} has no negatives and no background audio`,
    );
  }
  const { base, cache } = options;
  const embedder = new Embedder(fullyConvolutionalBase(base.model));

  // Splits: no speaker on both sides.
  emit({ type: "stage", stage: "augmenting" });
  const testFraction = options.testFraction ?? 0.2;
  // A held-out voice is held out entirely, and some voice saying the phrase is on each side.
  const speech = splitWakeWordSpeakers(dataset.positives, dataset.negatives, {
    testFraction,
    seed,
  });
  const testSpeakerSet = new Set(speech.testSpeakers);
  const part = (clips: readonly DatasetClip[]) => ({
    train: clips.filter((c) => !testSpeakerSet.has(c.speakerId)),
    test: clips.filter((c) => testSpeakerSet.has(c.speakerId)),
  });
  const positives = part(dataset.positives);
  const negatives = part(dataset.negatives);
  const background = splitBySpeaker(dataset.background, { testFraction, seed: `${seed}/bg` });
  if (positives.test.length === 0 || positives.train.length === 0) {
    throw new WakeforgeCoreError(
      "TOO_FEW_SPEAKERS",
      `positives need at least two speakers (voices) to hold one out; found ${new Set(dataset.positives.map((c) => c.speakerId)).size}`,
    );
  }
  const noise = dataset.background.map((clip) => clip.samples);
  const augmentation = options.augmentation ?? DEFAULT_AUGMENTATION_CONFIG;

  emit({ type: "stage", stage: "embedding" });
  const totalClips =
    positives.train.length * (options.augmentationsPerPositive ?? 3) +
    positives.test.length +
    dataset.negatives.length +
    dataset.background.length;
  let clipsDone = 0;
  const featureProgress = within(spans.features);
  const common = (tag: string) => {
    let before = 0;
    return {
      embedder,
      baseId: base.id,
      cache,
      windowEmbeddings: W,
      augmentation,
      seed,
      backgroundNoise: noise,
      tag,
      onClips: (done: number) => {
        hooks.signal?.throwIfAborted();
        clipsDone += done - before;
        before = done;
        featureProgress(clipsDone / totalClips);
      },
    };
  };
  const featuresStarted = performance.now();
  const build = async (clips: DatasetClip[], kind: "pos" | "neg", tag: string, copies = 1) =>
    kind === "pos"
      ? buildPositiveClips(clips, {
          ...common(tag),
          copies,
          seed: tag === "pos-test" ? seed + 7919 : seed,
        })
      : buildNegativeClips(clips, { ...common(tag) });
  const trainPos = await build(
    positives.train,
    "pos",
    "pos-train",
    options.augmentationsPerPositive ?? 3,
  );
  const testPos = await build(positives.test, "pos", "pos-test");
  const trainNeg = await build(negatives.train, "neg", "neg-train");
  const testNeg = await build(negatives.test, "neg", "neg-test");
  const trainBg = await build(background.train, "neg", "bg-train");
  const testBg = await build(background.test, "neg", "bg-test");
  const featureSeconds = (performance.now() - featuresStarted) / 1000;

  // Training clips in one list: positives, negatives, background.
  const clips: FeatureClip[] = [...trainPos, ...trainNeg, ...trainBg];
  const negOffset = trainPos.length;
  const bgOffset = negOffset + trainNeg.length;
  const stride = options.backgroundStride ?? 4;
  const baseWindows = [
    ...lastWindows(trainPos, W, 0).map((w) => ({ ...w, label: 1 as const })),
    ...allWindows(trainNeg, W, { offset: negOffset }).map((w) => ({ ...w, label: 0 as const })),
    ...allWindows(trainBg, W, { offset: bgOffset, stride }).map((w) => ({
      ...w,
      label: 0 as const,
    })),
  ];
  const key = (w: WindowRef) => `${w.clip}:${w.start}`;
  const taken = new Set(baseWindows.map(key));
  const pool = allWindows(trainBg, W, { offset: bgOffset }).filter((w) => !taken.has(key(w)));
  const withClipWeight = (w: WindowRef & { label: 0 | 1 }) => ({
    ...w,
    clipWeight: (clips[w.clip] as FeatureClip).weight,
  });
  // Each transfer member mines its own hard negatives; the scratch run reuses member 1's.
  const windowsWith =
    (mined: readonly WindowRef[][]) =>
    (epoch: number): LabelledWindow[] =>
      balanceClasses(
        [
          ...baseWindows,
          ...mined
            .slice(0, epoch - 1)
            .flat()
            .map((w) => ({ ...w, label: 0 as const })),
        ].map(withClipWeight),
      );
  const minedByEpoch: WindowRef[][] = [];
  const windowsForEpoch = windowsWith(minedByEpoch);

  const validationClips = [...testPos, ...testNeg, ...testBg];
  // Held-out background windows, evenly thinned to a bounded number: the scratch run scores
  // them through the whole network after every epoch (about 30 ms a window on two cores).
  const allHeldOutBackground = allWindows(testBg, W, {
    offset: testPos.length + testNeg.length,
    stride,
  });
  const backgroundEvery = Math.ceil(
    allHeldOutBackground.length / MAX_VALIDATION_BACKGROUND_WINDOWS,
  );
  const heldOutBackground = allHeldOutBackground.filter((_, i) => i % backgroundEvery === 0);
  const validation: ValidationSet = {
    clips: validationClips,
    positives: lastWindows(testPos, W, 0),
    ...(testNeg.length > 0
      ? {
          // Recall is measured against the held-out negative clips; held-out background windows
          // (at the training stride) count in the loss only.
          negatives: allWindows(testNeg, W, { offset: testPos.length }),
          background: heldOutBackground,
        }
      : { negatives: heldOutBackground }),
  };
  emit({
    type: "log",
    level: "info",
    message:
      `"${options.phrase}": ${baseWindows.filter((w) => w.label === 1).length} positive and ` +
      `${baseWindows.filter((w) => w.label === 0).length} negative training windows; held out ` +
      `${validation.positives.length} positives (${speech.testSpeakers.length} speakers) and ` +
      `${testNeg.length + testBg.length} negative clips; features in ${featureSeconds.toFixed(1)} s`,
  });

  // Transfer: the head on the frozen base's embeddings.
  emit({ type: "stage", stage: "training" });
  const batchSize = options.batchSize ?? 64;
  const ensembleSize = options.ensembleSize ?? DEFAULT_ENSEMBLE_SIZE;
  if (!Number.isInteger(ensembleSize) || ensembleSize < 1) {
    throw new WakeforgeCoreError(
      "BAD_ARGUMENT",
      `ensembleSize must be a whole number of at least 1, got ${ensembleSize}`,
    );
  }
  // The head trains on unit-scale embeddings; the scale is folded into it afterwards.
  const inputScale = 1 / embeddingRms(clips);
  const headSource: BatchSource = {
    clips,
    windowEmbeddings: W,
    dims: spec.embeddingDims,
    input: "embeddings",
    scale: inputScale,
  };
  const perEpoch = options.hardNegatives === false ? 0 : (options.hardNegatives?.perEpoch ?? 64);
  const transferStarted = performance.now();
  const transferProgress = within(spans.transfer);
  /** Member 1 is the head the learning curves show; the others differ in seed only. */
  const trainMember = async (member: number, mined: WindowRef[][]) => {
    const memberSeed = member === 0 ? seed : seed + 7919 * member;
    const model = buildHead(spec, {
      seed: memberSeed,
      name: member === 0 ? "trigger_head" : `trigger_head_${member + 1}`,
    });
    const initial = evaluateHeldOut(model, headSource, validation, falseAcceptRate);
    const takenByMember = new Set(taken);
    let scores: ValidationScores | undefined;
    const curve = await trainRun({
      signal: hooks.signal,
      model,
      source: headSource,
      windowsForEpoch: windowsWith(mined),
      validation,
      epochs,
      batchSize,
      learningRate,
      seed: memberSeed,
      falseAcceptRate,
      onBatch: (fraction) => transferProgress((member + fraction) / ensembleSize),
      onEpoch: (metrics, epochScores) => {
        scores = epochScores;
        if (member === 0) emit({ type: "epoch", run: "transfer", epoch: metrics.epoch, metrics });
        // Hard-negative mining: the pool's top-scoring false accepts join the negatives.
        if (perEpoch > 0 && pool.length > 0 && metrics.epoch < epochs) {
          const scoresOfPool = predictWindows(model, headSource, pool, 256);
          const ranked = pool
            .map((w, i) => ({ w, s: scoresOfPool[i] as number }))
            .filter(({ w, s }) => s >= 0.5 && !takenByMember.has(key(w)))
            .sort((a, b) => b.s - a.s)
            .slice(0, perEpoch);
          ranked.forEach(({ w }) => takenByMember.add(key(w)));
          mined[metrics.epoch - 1] = ranked.map(({ w }) => w);
          if (ranked.length > 0) {
            emit({
              type: "log",
              level: "debug",
              message: `transfer ${member + 1} epoch ${metrics.epoch}: mined ${ranked.length} hard negatives`,
            });
          }
        } else {
          mined[metrics.epoch - 1] = [];
        }
      },
    });
    foldInputScale(model, inputScale);
    return { model, initial, curve, scores: scores as ValidationScores };
  };
  const first = await trainMember(0, minedByEpoch);
  const head = first.model;
  const transferInitial = first.initial;
  const transferCurve = first.curve;
  const others: tf.LayersModel[] = [];
  for (let member = 1; member < ensembleSize; member += 1) {
    others.push((await trainMember(member, [])).model);
  }
  const transferHead =
    others.length === 0 ? head : ensembleHeads([head, ...others], { name: "trigger_head" });
  // Calibration inputs come from the detector that ships: the ensemble when there is one.
  const lastScores =
    others.length === 0
      ? first.scores
      : scoreValidation(transferHead, { ...headSource, scale: 1 }, validation);
  others.forEach((model) => model.dispose());
  const transferSeconds = (performance.now() - transferStarted) / 1000;

  // Scratch: the same network from random weights, end to end on the same windows per epoch.
  let scratchModel: tf.LayersModel | undefined;
  let scratchCurve: EpochMetrics[] | undefined;
  let scratchSeconds: number | undefined;
  let scratchInitial: InitialMetrics | undefined;
  const scratchWindows = options.scratch?.maxWindowsPerEpoch ?? DEFAULT_SCRATCH_WINDOWS_PER_EPOCH;
  const frameSource: BatchSource = { ...headSource, input: "frames", scale: 1 };
  if (compareScratch) {
    registerOnnxLayers();
    const scratchStarted = performance.now();
    const scratchBase = fullyConvolutionalBase(await scratchCopy(base.model, seed));
    const scratchHead = buildHead(spec, { seed, name: "scratch_head" });
    scratchModel = composeFullyConvolutionalDetector(scratchBase, scratchHead, {
      name: "scratch_detector",
    });
    scratchInitial = evaluateHeldOut(scratchModel, frameSource, validation, falseAcceptRate);
    scratchCurve = await trainRun({
      signal: hooks.signal,
      model: scratchModel,
      source: frameSource,
      windowsForEpoch,
      validation,
      epochs,
      batchSize: options.scratch?.batchSize ?? 32,
      learningRate,
      seed,
      falseAcceptRate,
      maxWindowsPerEpoch: scratchWindows,
      onBatch: within(spans.scratch),
      onEpoch: (metrics) => emit({ type: "epoch", run: "scratch", epoch: metrics.epoch, metrics }),
    });
    scratchSeconds = (performance.now() - scratchStarted) / 1000;
  }

  // Fine-tuning: a copy of the transfer model with the top base layer(s) unfrozen.
  let fineTunedModel: tf.LayersModel | undefined;
  let fineTuneCurve: EpochMetrics[] | undefined;
  let fineTuneSeconds: number | undefined;
  if (fineTune) {
    const fineStarted = performance.now();
    const baseCopy = await copyBase(base.model, seed);
    freezeLayers(baseCopy, { to: baseCopy.layers.at(-1)?.name ?? "embedding" });
    unfreezeLayers(baseCopy, [...(fineTune.layers ?? ["conv_20"])]);
    fineTunedModel = composeFullyConvolutionalDetector(
      fullyConvolutionalBase(baseCopy),
      copyHead(head, spec, seed),
      { name: "finetuned_detector" },
    );
    const fineEpochs = fineTune.epochs ?? 2;
    fineTuneCurve = await trainRun({
      signal: hooks.signal,
      model: fineTunedModel,
      source: frameSource,
      windowsForEpoch: () => windowsForEpoch(epochs),
      validation,
      epochs: fineEpochs,
      batchSize: options.scratch?.batchSize ?? 32,
      learningRate: fineTune.learningRate ?? learningRate / 10,
      seed: seed + 1,
      falseAcceptRate,
      maxWindowsPerEpoch: scratchWindows,
      onBatch: within(spans.finetune),
      onEpoch: (metrics) => emit({ type: "epoch", run: "finetune", epoch: metrics.epoch, metrics }),
    });
    fineTuneSeconds = (performance.now() - fineStarted) / 1000;
  }

  emit({ type: "stage", stage: "evaluating" });
  const verdict =
    scratchCurve && scratchInitial
      ? compareLearningCurves(transferCurve, scratchCurve, {
          initial: { transfer: transferInitial.recallAtFar, scratch: scratchInitial.recallAtFar },
        })
      : undefined;
  if (verdict?.warning) emit({ type: "log", level: "warn", message: verdict.warning });

  const scores = lastScores;
  const { recall, threshold } = recallAtFalseAcceptRate(
    scores.positiveScores,
    scores.negativeClipScores,
    falseAcceptRate,
  );
  const positiveSources = testPos.map((clip) => clip.source);
  const recallOf = (source: "synthetic" | "recorded") => {
    const chosen = Array.from(scores.positiveScores).filter(
      (_, i) => positiveSources[i] === source,
    );
    return chosen.length === 0
      ? undefined
      : chosen.filter((s) => s >= threshold).length / chosen.length;
  };
  const synthetic = recallOf("synthetic");
  const recorded = recallOf("recorded");
  report(1);
  return {
    phrase: options.phrase,
    transferHead,
    ...(scratchModel ? { scratchModel } : {}),
    ...(fineTunedModel ? { fineTunedModel } : {}),
    curves: {
      transfer: transferCurve,
      ...(scratchCurve ? { scratch: scratchCurve } : {}),
      ...(fineTuneCurve ? { fineTune: fineTuneCurve } : {}),
    },
    ...(verdict ? { verdict } : {}),
    initial: { transfer: transferInitial, ...(scratchInitial ? { scratch: scratchInitial } : {}) },
    calibration: {
      falseAcceptRate,
      thresholdAtFar: threshold,
      recallAtFar: recall,
      positiveScores: scores.positiveScores,
      positiveSources,
      positiveSpeakers: testPos.map((clip) => clip.speakerId),
      negativeClipScores: scores.negativeClipScores,
      recallBySource: {
        ...(synthetic === undefined ? {} : { synthetic }),
        ...(recorded === undefined ? {} : { recorded }),
      },
    },
    split: { trainSpeakers: speech.trainSpeakers, testSpeakers: speech.testSpeakers },
    counts: {
      trainPositiveWindows: baseWindows.filter((w) => w.label === 1).length,
      trainNegativeWindows: baseWindows.filter((w) => w.label === 0).length,
      minedHardNegatives: minedByEpoch.flat().length,
      heldOutPositives: validation.positives.length,
      heldOutNegativeClips: testNeg.length + testBg.length,
      scratchWindowsPerEpoch: Math.min(scratchWindows, windowsForEpoch(epochs).length),
    },
    seconds: {
      features: featureSeconds,
      transfer: transferSeconds,
      ...(scratchSeconds === undefined ? {} : { scratch: scratchSeconds }),
      ...(fineTuneSeconds === undefined ? {} : { fineTune: fineTuneSeconds }),
    },
    ...(cache ? { cacheStats: { ...cache.stats } } : {}),
  };
}
