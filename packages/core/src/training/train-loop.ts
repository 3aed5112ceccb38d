// One training run: a model, windows with labels and weights, a fixed number of epochs with
// seeded shuffles, weighted binary cross-entropy (class-balanced), and held-out metrics after
// each epoch. The same loop trains the head on embeddings (transfer) and the whole network on
// log-mel frames (scratch, fine-tuning).
import * as tf from "@tensorflow/tfjs";
import { MEL_BAND_COUNT, createSeededRandom } from "@wakeforge/audio";
import { accuracyAt, recallAtFalseAcceptRate } from "./clip-metrics.js";
import type { EpochMetrics } from "./epoch-metrics.js";
import {
  gatherEmbeddings,
  gatherFrames,
  windowFrames,
  type FeatureClip,
  type WindowRef,
} from "./examples.js";

/** What a model reads: embeddings [n, W, dims] (a head) or base-input frames [n, F, 32, 1]. */
export type ModelInput = "embeddings" | "frames";

export interface LabelledWindow extends WindowRef {
  readonly label: 0 | 1;
  /** Weight including class balancing. */
  readonly weight: number;
}

/** Held-out clips: each positive clip scores its last window, each negative clip its highest. */
export interface ValidationSet {
  readonly clips: readonly FeatureClip[];
  readonly positives: readonly WindowRef[];
  /** Windows of negative clips with the clip they belong to. */
  readonly negatives: readonly WindowRef[];
  /**
   * Windows of held-out long background: in the loss, not in the clip-level recall. A minute of
   * speech has a highest window far above any short clip's, so counted as "clips" a handful of
   * pieces would set the threshold of the per-epoch recall alone and flatten every curve.
   */
  readonly background?: readonly WindowRef[];
}

export interface ValidationScores {
  readonly positiveScores: Float32Array;
  /** One score per negative clip: the highest over its windows. */
  readonly negativeClipScores: Float32Array;
  readonly negativeWindowScores: Float32Array;
  readonly loss: number;
}

/**
 * Gives each class the same total weight (each window keeps its share within its class), so a
 * few hundred positives are not drowned by thousands of negative windows.
 */
export function balanceClasses(
  windows: readonly (WindowRef & { label: 0 | 1; clipWeight: number })[],
): LabelledWindow[] {
  let positive = 0;
  let negative = 0;
  for (const w of windows) {
    if (w.label === 1) positive += w.clipWeight;
    else negative += w.clipWeight;
  }
  const total = positive + negative;
  const scale = (label: 0 | 1) => {
    const classTotal = label === 1 ? positive : negative;
    return classTotal === 0 ? 0 : total / (2 * classTotal);
  };
  const pScale = scale(1);
  const nScale = scale(0);
  return windows.map((w) => ({
    clip: w.clip,
    start: w.start,
    label: w.label,
    weight: w.clipWeight * (w.label === 1 ? pScale : nScale),
  }));
}

export interface BatchSource {
  readonly clips: readonly FeatureClip[];
  readonly windowEmbeddings: number;
  readonly dims: number;
  readonly input: ModelInput;
  /**
   * Embeddings are multiplied by this before the model sees them (default 1). Training a head
   * on unit-scale inputs and folding the factor into its first layer afterwards (see
   * foldInputScale) gives the same function on raw embeddings with a well-conditioned start.
   */
  readonly scale?: number;
}

export function batchTensor(source: BatchSource, windows: readonly WindowRef[]): tf.Tensor {
  if (source.input === "embeddings") {
    const values = gatherEmbeddings(source.clips, windows, source.windowEmbeddings, source.dims);
    const scale = source.scale ?? 1;
    if (scale !== 1)
      for (let i = 0; i < values.length; i += 1) values[i] = (values[i] as number) * scale;
    return tf.tensor3d(values, [windows.length, source.windowEmbeddings, source.dims]);
  }
  return tf.tensor4d(gatherFrames(source.clips, windows, source.windowEmbeddings), [
    windows.length,
    windowFrames(source.windowEmbeddings),
    MEL_BAND_COUNT,
    1,
  ]);
}

/** Scores of windows, in batches. */
export function predictWindows(
  model: tf.LayersModel,
  source: BatchSource,
  windows: readonly WindowRef[],
  batchSize = 64,
): Float32Array {
  const out = new Float32Array(windows.length);
  for (let i = 0; i < windows.length; i += batchSize) {
    const part = windows.slice(i, i + batchSize);
    const scores = tf.tidy(() => {
      const x = batchTensor(source, part);
      return (model.predict(x) as tf.Tensor).dataSync() as Float32Array;
    });
    out.set(scores.subarray(0, part.length), i);
  }
  return out;
}

function bce(score: number, label: number): number {
  const p = Math.min(1 - 1e-7, Math.max(1e-7, score));
  return -(label * Math.log(p) + (1 - label) * Math.log(1 - p));
}

export function scoreValidation(
  model: tf.LayersModel,
  source: Omit<BatchSource, "clips">,
  validation: ValidationSet,
  batchSize = 64,
): ValidationScores {
  const withClips = { ...source, clips: validation.clips };
  const positiveScores = predictWindows(model, withClips, validation.positives, batchSize);
  const negativeWindowScores = predictWindows(model, withClips, validation.negatives, batchSize);
  const perClip = new Map<number, number>();
  validation.negatives.forEach((w, i) => {
    perClip.set(w.clip, Math.max(perClip.get(w.clip) ?? 0, negativeWindowScores[i] as number));
  });
  const backgroundScores = predictWindows(model, withClips, validation.background ?? [], batchSize);
  let loss = 0;
  positiveScores.forEach((s) => (loss += bce(s, 1)));
  negativeWindowScores.forEach((s) => (loss += bce(s, 0)));
  backgroundScores.forEach((s) => (loss += bce(s, 0)));
  const n = positiveScores.length + negativeWindowScores.length + backgroundScores.length;
  return {
    positiveScores,
    negativeClipScores: Float32Array.from(perClip.values()),
    negativeWindowScores,
    loss: n === 0 ? 0 : loss / n,
  };
}

export interface TrainRunOptions {
  readonly model: tf.LayersModel;
  readonly source: BatchSource;
  /** The windows of each epoch (1-based); lets hard-negative mining grow the set. */
  readonly windowsForEpoch: (epoch: number) => readonly LabelledWindow[];
  readonly validation: ValidationSet;
  readonly epochs: number;
  readonly batchSize: number;
  readonly learningRate: number;
  readonly seed: number;
  /** Clip false-accept rate at which held-out recall is measured. */
  readonly falseAcceptRate: number;
  /** At most this many windows per epoch (a seeded sample), to bound slow runs. */
  readonly maxWindowsPerEpoch?: number;
  /** After each epoch, with its metrics; may be async (e.g. hard-negative mining). */
  readonly onEpoch?: (metrics: EpochMetrics, scores: ValidationScores) => void | Promise<void>;
  /** After each batch, with the fraction of the run done. */
  readonly onBatch?: (fraction: number) => void;
  /** Checked before each epoch: an aborted signal ends the run with its reason, the epoch before whole. */
  readonly signal?: AbortSignal;
}

/** Longest stretch of batches between two turns of the event loop. */
const YIELD_EVERY_MS = 50;

/**
 * Lets timers and I/O run: a worker's lease heartbeats and signal handlers, a page's messages.
 * A macrotask, not a resolved promise: microtasks alone would starve them for a whole run.
 */
const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Trains `model` in place; returns the per-epoch curve. */
export async function trainRun(options: TrainRunOptions): Promise<EpochMetrics[]> {
  const { model, source, epochs, batchSize, seed } = options;
  const optimizer = tf.train.adam(options.learningRate);
  const trainable = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const curve: EpochMetrics[] = [];
  let lastYield = performance.now();
  for (let epoch = 1; epoch <= epochs; epoch += 1) {
    if (options.signal?.aborted) {
      optimizer.dispose();
      options.signal.throwIfAborted();
    }
    const started = performance.now();
    const random = createSeededRandom(`${seed}/shuffle/${epoch}`);
    let windows = random.shuffled(options.windowsForEpoch(epoch));
    if (options.maxWindowsPerEpoch !== undefined && windows.length > options.maxWindowsPerEpoch) {
      windows = windows.slice(0, options.maxWindowsPerEpoch);
    }
    let lossSum = 0;
    let weightSum = 0;
    let correct = 0;
    for (let i = 0; i < windows.length; i += batchSize) {
      const part = windows.slice(i, i + batchSize);
      const labels = tf.tensor2d(
        part.map((w) => w.label),
        [part.length, 1],
      );
      const weights = tf.tensor2d(
        part.map((w) => w.weight),
        [part.length, 1],
      );
      const x = batchTensor(source, part);
      let predictions: Float32Array = new Float32Array(0);
      const cost = optimizer.minimize(
        () => {
          const p = (model.apply(x, { training: true }) as tf.Tensor).clipByValue(1e-7, 1 - 1e-7);
          predictions = p.dataSync() as Float32Array;
          const perExample = labels
            .mul(p.log())
            .add(tf.scalar(1).sub(labels).mul(tf.scalar(1).sub(p).log()))
            .neg();
          return perExample.mul(weights).sum().div(weights.sum().add(1e-12)) as tf.Scalar;
        },
        true,
        trainable,
      );
      const batchWeight = part.reduce((sum, w) => sum + w.weight, 0);
      lossSum += (cost?.dataSync()[0] ?? 0) * batchWeight;
      weightSum += batchWeight;
      part.forEach((w, j) => {
        if (((predictions[j] ?? 0) >= 0.5 ? 1 : 0) === w.label) correct += w.weight;
      });
      tf.dispose([labels, weights, x]);
      cost?.dispose();
      options.onBatch?.(
        (epoch - 1 + Math.min(1, (i + part.length) / Math.max(1, windows.length))) / epochs,
      );
      if (performance.now() - lastYield >= YIELD_EVERY_MS) {
        await yieldToEventLoop();
        lastYield = performance.now();
      }
    }
    const validationStarted = performance.now();
    const scores = scoreValidation(model, source, options.validation);
    const validationSeconds = (performance.now() - validationStarted) / 1000;
    const { recall, threshold } = recallAtFalseAcceptRate(
      scores.positiveScores,
      scores.negativeClipScores,
      options.falseAcceptRate,
    );
    const metrics: EpochMetrics = {
      epoch,
      loss: weightSum === 0 ? 0 : lossSum / weightSum,
      accuracy: weightSum === 0 ? 0 : correct / weightSum,
      recallAtFar: recall,
      thresholdAtFar: threshold,
      valAccuracy: accuracyAt(scores.positiveScores, scores.negativeClipScores, 0.5),
      valLoss: scores.loss,
      seconds: (performance.now() - started) / 1000,
      validationSeconds,
    };
    curve.push(metrics);
    await options.onEpoch?.(metrics, scores);
  }
  optimizer.dispose();
  return curve;
}

/** Root mean square of the clips' embedding values (1 when there are none). */
export function embeddingRms(clips: readonly FeatureClip[]): number {
  let sum = 0;
  let count = 0;
  for (const clip of clips) {
    for (const v of clip.embeddings) sum += v * v;
    count += clip.embeddings.length;
  }
  return count === 0 || sum === 0 ? 1 : Math.sqrt(sum / count);
}

/**
 * Folds an input scale into a head: afterwards `head(x)` equals what `head(scale · x)` was. The
 * first layer with a 2-d kernel (the first dense layer after the flatten) is multiplied by it.
 */
export function foldInputScale(head: tf.LayersModel, scale: number): void {
  if (scale === 1) return;
  const layer = head.layers.find((l) => l.getWeights()[0]?.rank === 2);
  if (!layer)
    throw new Error(`head "${head.name}" has no dense layer to fold the input scale into`);
  const [kernel, ...rest] = layer.getWeights() as [tf.Tensor, ...tf.Tensor[]];
  const scaled = tf.mul(kernel, scale);
  layer.setWeights([scaled, ...rest]);
  scaled.dispose();
}

/** Held-out metrics of a model as it is (e.g. untrained: epoch 0 of a learning curve). */
export function evaluateHeldOut(
  model: tf.LayersModel,
  source: BatchSource,
  validation: ValidationSet,
  falseAcceptRate: number,
): Pick<EpochMetrics, "recallAtFar" | "thresholdAtFar" | "valAccuracy" | "valLoss"> {
  const scores = scoreValidation(model, source, validation);
  const { recall, threshold } = recallAtFalseAcceptRate(
    scores.positiveScores,
    scores.negativeClipScores,
    falseAcceptRate,
  );
  return {
    recallAtFar: recall,
    thresholdAtFar: threshold,
    valAccuracy: accuracyAt(scores.positiveScores, scores.negativeClipScores, 0.5),
    valLoss: scores.loss,
  };
}
