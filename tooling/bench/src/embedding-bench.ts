// (b) Embedding throughput: wakeforge's fully convolutional pass (one pass per batch of clips) on
// each tfjs backend this machine has, against onnxruntime running embedding_model.onnx on every
// overlapping 76-frame window, as openWakeWord embeds clips. Both sides get the same frames.
import { SAMPLE_RATE_HZ } from "@wakeforge/audio";
import {
  Embedder,
  ParallelEmbedder,
  baseInputForClip,
  fullyConvolutionalBase,
  initBackend,
  type NodeBackendName,
} from "@wakeforge/core";
import type * as tf from "@tensorflow/tfjs";
import type { BenchBudget, EmbeddingRun, EmbeddingSection } from "./bench-result.js";
import { embedOverlappingWindows, type ReferenceModel } from "./reference-runtime.js";
import { alternate, comparison } from "./timing.js";

/** Backends worth timing for the base network (the plain cpu one is ~20× slower than wasm). */
const EMBEDDING_BACKENDS: readonly NodeBackendName[] = ["node-gpu", "node", "wasm", "cpu"];

export interface EmbeddingBenchInput {
  /** Clips of equal length (−1…1), embedded as one batch per round. */
  readonly clips: readonly Float32Array[];
  readonly base: tf.LayersModel;
  readonly reference: ReferenceModel;
  readonly availableBackends: readonly string[];
  /** Worker threads for the parallel run (each with its own wasm backend); 1: no such run. */
  readonly workers: number;
  readonly budget: BenchBudget;
  /** Budget for backends far slower than the rest (cpu), so they do not dominate the run. */
  readonly slowBudget: BenchBudget;
}

export async function benchEmbedding(
  input: EmbeddingBenchInput,
): Promise<Pick<EmbeddingSection, "ratio" | "best" | "runs">> {
  const allFrames = input.clips.map((clip) => baseInputForClip(clip));
  const clipSeconds = (input.clips[0]?.length ?? 0) / SAMPLE_RATE_HZ;

  const runs: EmbeddingRun[] = [];
  for (const backend of EMBEDDING_BACKENDS) {
    if (!input.availableBackends.includes(backend)) continue;
    // A slow backend gets one clip per round (the reference too), or it would take minutes.
    const slow = backend === "cpu";
    const frames = slow ? allFrames.slice(0, 1) : allFrames;
    await initBackend(backend);
    const embedder = new Embedder(fullyConvolutionalBase(input.base));
    const times = await alternate(
      () => embedder.embedBatch(frames),
      () => embedOverlappingWindows(input.reference, frames),
      slow ? input.slowBudget : input.budget,
    );
    runs.push({
      name: backend,
      backend,
      workers: 1,
      clips: frames.length,
      ...comparison(frames.length * clipSeconds, times.ours, times.reference),
    });
  }
  if (input.workers > 1 && input.availableBackends.includes("wasm")) {
    const parallel = await ParallelEmbedder.start({ workers: input.workers, backend: "wasm" });
    try {
      const times = await alternate(
        () => parallel.embedBatch(allFrames),
        () => embedOverlappingWindows(input.reference, allFrames),
        input.budget,
      );
      runs.push({
        name: `wasm ×${input.workers} threads`,
        backend: "wasm",
        workers: input.workers,
        clips: allFrames.length,
        ...comparison(allFrames.length * clipSeconds, times.ours, times.reference),
      });
    } finally {
      await parallel.close();
    }
  }
  return summarizeRuns(runs);
}

export function summarizeRuns(
  runs: readonly EmbeddingRun[],
): Pick<EmbeddingSection, "ratio" | "best" | "runs"> {
  const best = runs.reduce<EmbeddingRun | undefined>(
    (top, run) => (top === undefined || run.ratio > top.ratio ? run : top),
    undefined,
  );
  if (!best) throw new RangeError("no embedding run to summarize");
  return { ratio: best.ratio, best: best.name, runs };
}
