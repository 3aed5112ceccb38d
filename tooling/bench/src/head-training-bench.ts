// (d) Head training time per epoch: the default trigger-word head trained by core's own training
// loop (trainRun: batches, Adam, per-epoch validation) on a fixed set of clip embeddings, on the
// backend wakeforge picks, against the same on tfjs's plain cpu backend, rounds alternated.
// onnxruntime-node cannot train, so tfjs-cpu is the reference here.
import * as tf from "@tensorflow/tfjs";
import { EMBEDDING_DIMENSIONS, SAMPLE_RATE_HZ, createSeededRandom } from "@wakeforge/audio";
import {
  DEFAULT_HEAD_SPEC,
  buildHead,
  embeddingCount,
  initBackend,
  trainRun,
  type NodeBackendName,
  type FeatureClip,
  type LabelledWindow,
  type WindowRef,
} from "@wakeforge/core";
import type { BenchBudget, HeadTrainingSection } from "./bench-result.js";
import { alternate, comparison, median } from "./timing.js";

export interface HeadTrainingBenchInput {
  /** Training clips per epoch (half positive), each `clipSeconds` long. */
  readonly clips: number;
  readonly clipSeconds: number;
  readonly backend: NodeBackendName;
  readonly budget: BenchBudget;
}

const WINDOW = DEFAULT_HEAD_SPEC.windowEmbeddings;

/** Clips of random unit-scale embeddings; the values do not change the cost of an epoch. */
function syntheticClips(count: number, clipSeconds: number): FeatureClip[] {
  const random = createSeededRandom("bench head training");
  const embeddings = embeddingCount(Math.round(clipSeconds * SAMPLE_RATE_HZ));
  if (embeddings < WINDOW) {
    throw new RangeError(`clips of ${clipSeconds} s hold fewer than ${WINDOW} embeddings`);
  }
  return Array.from({ length: count }, (_, i) => {
    const values = new Float32Array(embeddings * EMBEDDING_DIMENSIONS);
    for (let v = 0; v < values.length; v += 1) values[v] = random.next() * 2 - 1;
    return {
      id: `bench/${i}`,
      label: i % 2 === 0 ? 1 : 0,
      speakerId: "bench",
      source: "synthetic",
      category: undefined,
      weight: 1,
      frames: new Float32Array(0),
      frameCount: 0,
      embeddings: values,
      embeddingCount: embeddings,
      description: "bench",
    } satisfies FeatureClip;
  });
}

/** Every window of every clip, labelled by its clip. */
function windowsOf(clips: readonly FeatureClip[]): LabelledWindow[] {
  return clips.flatMap((clip, index) =>
    Array.from({ length: clip.embeddingCount - WINDOW + 1 }, (_, start) => ({
      clip: index,
      start,
      label: clip.label,
      weight: 1,
    })),
  );
}

export async function benchHeadTraining(
  input: HeadTrainingBenchInput,
): Promise<HeadTrainingSection> {
  const clips = syntheticClips(input.clips, input.clipSeconds);
  const windows = windowsOf(clips);
  const lastWindow = (clip: number): WindowRef => ({
    clip,
    start: (clips[clip]?.embeddingCount ?? WINDOW) - WINDOW,
  });
  const validationClips = Math.min(clips.length, 20);
  const validation = {
    clips,
    positives: Array.from({ length: validationClips }, (_, i) => i)
      .filter((i) => i % 2 === 0)
      .map(lastWindow),
    negatives: Array.from({ length: validationClips }, (_, i) => i)
      .filter((i) => i % 2 === 1)
      .map(lastWindow),
  };
  const source = {
    clips,
    windowEmbeddings: WINDOW,
    dims: EMBEDDING_DIMENSIONS,
    input: "embeddings" as const,
  };
  const epochOn = (tfBackend: string) => {
    const model = buildHead(DEFAULT_HEAD_SPEC, { seed: 0, name: `bench_head_${tfBackend}` });
    return async () => {
      await tf.setBackend(tfBackend);
      await trainRun({
        model,
        source,
        windowsForEpoch: () => windows,
        validation,
        epochs: 1,
        batchSize: 64,
        learningRate: 1e-3,
        seed: 0,
        falseAcceptRate: 0.05,
      });
    };
  };
  // Build both heads on their own backends, so neither moves its weights every round.
  const reference = epochOn((await initBackend("cpu")).tfBackend);
  const ourBackend = (await initBackend(input.backend)).tfBackend;
  const ours = epochOn(ourBackend);
  const times = await alternate(ours, reference, input.budget);
  await tf.setBackend(ourBackend);
  const audioSeconds = input.clips * input.clipSeconds;
  return {
    backend: input.backend,
    referenceBackend: "cpu",
    secondsPerEpoch: median(times.ours) / 1_000,
    referenceSecondsPerEpoch: median(times.reference) / 1_000,
    examplesPerEpoch: windows.length,
    ...comparison(audioSeconds, times.ours, times.reference),
  };
}
