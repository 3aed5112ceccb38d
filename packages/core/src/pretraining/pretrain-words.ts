// `wakeforge pretrain`: a word-recognition network trained from scratch on a labelled word
// corpus (Speech Commands layout), held-out voices measuring it after every epoch. Its
// "embedding" layer becomes a base that trigger-word heads transfer from.
import * as tf from "@tensorflow/tfjs";
import {
  DEFAULT_AUGMENTATION_CONFIG,
  MEL_BAND_COUNT,
  createSeededRandom,
  type AugmentationConfig,
} from "@wakeforge/audio";
import type { Dataset, DatasetClip } from "../dataset/dataset-types.js";
import { generatedBackgroundClips } from "../dataset/generated-noise.js";
import { splitBySpeaker } from "../dataset/split.js";
import { WakeforgeCoreError } from "../errors.js";
import { dropOutputLayer } from "../surgery/cut-model.js";
import { buildWordNetwork, type WordNetworkSpec } from "./word-network.js";
import {
  WORD_WINDOW_FRAMES,
  backgroundWindows,
  wordWindows,
  type WordWindow,
} from "./word-windows.js";

/** The class of windows with no word in them (background audio). */
export const NO_WORD_CLASS = "_no_word_";

export interface PretrainWordsOptions {
  /** Word clips: every clip's `category` (the Speech Commands label) is its word. */
  readonly corpus: Dataset;
  /** Words to learn; default every label with clips. */
  readonly words?: readonly string[];
  readonly seed?: number;
  /** Default 20. */
  readonly epochs?: number;
  /** Default 32. */
  readonly batchSize?: number;
  /** Adam. Default 0.001. */
  readonly learningRate?: number;
  /** Windows per training clip (clean placement plus augmented copies). Default 3. */
  readonly copiesPerClip?: number;
  /** Share of voices held out. Default 0.2. */
  readonly testFraction?: number;
  readonly augmentation?: AugmentationConfig;
  readonly network?: Omit<WordNetworkSpec, "classes">;
  readonly signal?: AbortSignal;
  readonly onEpoch?: (metrics: WordEpochMetrics) => void;
  /** 0…1 over the whole run. */
  readonly onProgress?: (fraction: number) => void;
}

export interface WordEpochMetrics {
  readonly epoch: number;
  readonly loss: number;
  readonly accuracy: number;
  /** On the held-out voices' clips, clean placement, words only. */
  readonly valLoss: number;
  readonly valAccuracy: number;
  readonly seconds: number;
}

export interface PretrainWordsResult {
  /** The whole network, word output included. */
  readonly classifier: tf.LayersModel;
  /** Surgery's result: the classifier without its output layer, ending at "embedding". */
  readonly base: tf.LayersModel;
  /** Output classes in order: the words, then NO_WORD_CLASS. */
  readonly classes: readonly string[];
  readonly curve: readonly WordEpochMetrics[];
  readonly split: { readonly trainSpeakers: string[]; readonly testSpeakers: string[] };
  readonly counts: {
    readonly trainClips: number;
    readonly testClips: number;
    readonly trainWindows: number;
    readonly testWindows: number;
  };
  /** Held-out accuracy after the last epoch, and what always guessing the commonest word scores. */
  readonly accuracy: number;
  readonly chance: number;
}

const YIELD_EVERY_MS = 50;
const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function windowsTensor(windows: readonly WordWindow[]): tf.Tensor4D {
  const frameSize = WORD_WINDOW_FRAMES * MEL_BAND_COUNT;
  const data = new Float32Array(windows.length * frameSize);
  windows.forEach((w, i) => data.set(w.frames, i * frameSize));
  return tf.tensor4d(data, [windows.length, WORD_WINDOW_FRAMES, MEL_BAND_COUNT, 1]);
}

function oneHot(windows: readonly WordWindow[], classes: number): tf.Tensor2D {
  return tf.oneHot(
    tf.tensor1d(
      windows.map((w) => w.label),
      "int32",
    ),
    classes,
  ) as tf.Tensor2D;
}

/** Loss and accuracy of `model` on `windows`, in batches, without training. */
function measure(
  model: tf.LayersModel,
  windows: readonly WordWindow[],
  classes: number,
  batchSize: number,
): { loss: number; accuracy: number } {
  let loss = 0;
  let correct = 0;
  for (let i = 0; i < windows.length; i += batchSize) {
    const part = windows.slice(i, i + batchSize);
    tf.tidy(() => {
      const p = (model.predict(windowsTensor(part)) as tf.Tensor2D).clipByValue(1e-7, 1);
      const y = oneHot(part, classes);
      loss += y.mul(p.log()).sum().neg().dataSync()[0] ?? 0;
      const predicted = p.argMax(1).dataSync();
      part.forEach((w, j) => {
        if (predicted[j] === w.label) correct += 1;
      });
    });
  }
  const n = Math.max(1, windows.length);
  return { loss: loss / n, accuracy: correct / n };
}

/** Trains a word network from scratch on `corpus`; the caller has started a tfjs backend. */
export async function pretrainWords(options: PretrainWordsOptions): Promise<PretrainWordsResult> {
  const seed = options.seed ?? 0;
  const epochs = options.epochs ?? 20;
  const batchSize = options.batchSize ?? 32;
  const clips = [...options.corpus.positives, ...options.corpus.negatives].filter(
    (clip): clip is DatasetClip & { category: string } => typeof clip.category === "string",
  );
  const words = [...(options.words ?? new Set(clips.map((clip) => clip.category)))].sort();
  if (words.length < 2) {
    throw new WakeforgeCoreError(
      "BAD_CORPUS",
      `${options.corpus.root}: pre-training needs at least 2 words, found ${words.length} (${words.join(", ")})`,
    );
  }
  const classes = [...words, NO_WORD_CLASS];
  const labelOf = new Map(words.map((word, i) => [word, i]));
  const wordClips = clips.filter((clip) => labelOf.has(clip.category));
  const split = splitBySpeaker(wordClips, { seed, testFraction: options.testFraction ?? 0.2 });
  if (split.train.length === 0 || split.test.length === 0) {
    throw new WakeforgeCoreError(
      "BAD_CORPUS",
      `${options.corpus.root}: pre-training needs at least 2 voices to hold one out, found ${split.trainSpeakers.length + split.testSpeakers.length}`,
    );
  }

  // Background for augmentation and the "no word" class: the corpus's own, else generated noise.
  const background = options.corpus.background.length
    ? options.corpus.background.map((clip) => clip.samples)
    : generatedBackgroundClips({ seconds: 20, seed }).map((clip) => clip.samples);
  const copies = options.copiesPerClip ?? 3;
  const augmentation = options.augmentation ?? DEFAULT_AUGMENTATION_CONFIG;
  const windowsOf = (clip: (typeof wordClips)[number], n: number) =>
    wordWindows(clip.samples, labelOf.get(clip.category) as number, {
      copies: n,
      augmentation,
      backgroundClips: background,
      seed: `${seed}/${clip.id}`,
    });
  const noWord = words.length;
  const perClass = Math.ceil((split.train.length * copies) / words.length);
  const train = [
    ...split.train.flatMap((clip) => windowsOf(clip, copies)),
    ...backgroundWindows(background, perClass, noWord, `${seed}/train`),
  ];
  const test = split.test.flatMap((clip) => windowsOf(clip, 1));

  const classifier = buildWordNetwork({ classes: classes.length, ...options.network }, seed);
  const optimizer = tf.train.adam(options.learningRate ?? 0.001);
  const curve: WordEpochMetrics[] = [];
  let lastYield = performance.now();
  try {
    for (let epoch = 1; epoch <= epochs; epoch += 1) {
      options.signal?.throwIfAborted();
      const started = performance.now();
      const order = createSeededRandom(`${seed}/shuffle/${epoch}`).shuffled(train);
      let lossSum = 0;
      let correct = 0;
      for (let i = 0; i < order.length; i += batchSize) {
        const part = order.slice(i, i + batchSize);
        const x = windowsTensor(part);
        const y = oneHot(part, classes.length);
        let predicted: Int32Array | Uint8Array | Float32Array = new Int32Array(0);
        const cost = optimizer.minimize(() => {
          const p = (classifier.apply(x, { training: true }) as tf.Tensor2D).clipByValue(1e-7, 1);
          predicted = p.argMax(1).dataSync();
          return y.mul(p.log()).sum(1).mean().neg() as tf.Scalar;
        }, true);
        lossSum += (cost?.dataSync()[0] ?? 0) * part.length;
        part.forEach((w, j) => {
          if (predicted[j] === w.label) correct += 1;
        });
        tf.dispose([x, y]);
        cost?.dispose();
        options.onProgress?.((epoch - 1 + (i + part.length) / order.length) / epochs);
        if (performance.now() - lastYield >= YIELD_EVERY_MS) {
          options.signal?.throwIfAborted();
          await yieldToEventLoop();
          lastYield = performance.now();
        }
      }
      const held = measure(classifier, test, classes.length, 64);
      const metrics: WordEpochMetrics = {
        epoch,
        loss: lossSum / train.length,
        accuracy: correct / train.length,
        valLoss: held.loss,
        valAccuracy: held.accuracy,
        seconds: (performance.now() - started) / 1000,
      };
      curve.push(metrics);
      options.onEpoch?.(metrics);
    }
  } finally {
    optimizer.dispose();
  }
  const counts = new Map<number, number>();
  for (const w of test) counts.set(w.label, (counts.get(w.label) ?? 0) + 1);
  return {
    classifier,
    base: dropOutputLayer(classifier, "word_network_base"),
    classes,
    curve,
    split: { trainSpeakers: split.trainSpeakers, testSpeakers: split.testSpeakers },
    counts: {
      trainClips: split.train.length,
      testClips: split.test.length,
      trainWindows: train.length,
      testWindows: test.length,
    },
    accuracy: curve.at(-1)?.valAccuracy ?? 0,
    chance: Math.max(...counts.values()) / Math.max(1, test.length),
  };
}
