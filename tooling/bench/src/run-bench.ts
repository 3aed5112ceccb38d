// Runs the five measurements in one process, each against its reference, and assembles the
// result `wakeforge bench --json` prints.
import { availableParallelism } from "node:os";
import {
  Embedder,
  fullyConvolutionalBase,
  initBackend,
  loadOpenWakeWordHead,
  loadSpeechEmbeddingBase,
  type NodeBackendName,
} from "@wakeforge/core";
import {
  SECTIONS,
  goalsOf,
  isSkipped,
  type BenchBudget,
  type BenchResult,
  type SectionName,
  type Skipped,
  type TrainSection,
} from "./bench-result.js";
import { benchEmbedding } from "./embedding-bench.js";
import { benchHeadTraining } from "./head-training-bench.js";
import { benchLogMel } from "./logmel-bench.js";
import { describeMachine } from "./machine.js";
import { openReferenceModels } from "./reference-runtime.js";
import { benchStreaming } from "./streaming-bench.js";
import { benchClip } from "./test-audio.js";
import { TrainBenchError, benchTrain, locateWakeforge } from "./train-bench.js";

export interface BenchOptions {
  /** Sections to run (default: all). */
  readonly only?: readonly SectionName[];
  /** Tiny workloads and budgets: checks that everything runs, figures are rough. */
  readonly quick?: boolean;
  /** Backend for streaming, head training and the train job (default: the best available). */
  readonly backend?: NodeBackendName;
  readonly env?: NodeJS.ProcessEnv;
  /** One line per stage started, for a terminal. */
  readonly onStage?: (line: string) => void;
}

interface Workload {
  readonly budget: BenchBudget;
  readonly slowBudget: BenchBudget;
  readonly logMelClips: number;
  readonly logMelClipSeconds: number;
  readonly embeddingClips: number;
  readonly embeddingClipSeconds: number;
  readonly streamingSeconds: number;
  readonly headClips: number;
}

const FULL: Workload = {
  budget: { minMeasureMs: 3_000, warmUpRounds: 2, minRounds: 5 },
  slowBudget: { minMeasureMs: 1_000, warmUpRounds: 1, minRounds: 1 },
  logMelClips: 2,
  logMelClipSeconds: 10,
  embeddingClips: 16,
  embeddingClipSeconds: 3,
  streamingSeconds: 10,
  headClips: 400,
};

const QUICK: Workload = {
  budget: { minMeasureMs: 100, warmUpRounds: 1, minRounds: 2 },
  slowBudget: { minMeasureMs: 0, warmUpRounds: 0, minRounds: 1 },
  logMelClips: 1,
  logMelClipSeconds: 2,
  embeddingClips: 2,
  embeddingClipSeconds: 2,
  streamingSeconds: 2,
  headClips: 40,
};

export async function runBench(options: BenchOptions = {}): Promise<BenchResult> {
  const wanted = new Set(options.only ?? SECTIONS);
  const work = options.quick === true ? QUICK : FULL;
  const stage = options.onStage ?? (() => {});
  const startedAt = new Date().toISOString();
  const machine = await describeMachine();
  const reference = await openReferenceModels();
  const notRequested: Skipped = { skipped: "not requested" };
  const sections: { -readonly [K in SectionName]: BenchResult[K] } = {
    logmel: notRequested,
    embedding: notRequested,
    streaming: notRequested,
    headTraining: notRequested,
    train: notRequested,
  };
  try {
    const chosen = await initBackend(options.backend ?? "auto");
    const backend = chosen.backend as NodeBackendName;
    const base = await loadSpeechEmbeddingBase();
    const attempt = async <K extends SectionName>(
      name: K,
      measure: () => Promise<Exclude<BenchResult[K], Skipped>>,
    ) => {
      if (!wanted.has(name)) return;
      stage(`${name}…`);
      try {
        sections[name] = await measure();
      } catch (error) {
        sections[name] = { skipped: `failed: ${(error as Error).message}` };
      }
    };

    // Streaming first: after the log-mel section (long clips through both sides) both sides
    // streamed about 10 % dearer in our runs, and after the cpu backend (the embedding and head
    // sections visit it) about twice as dear.
    await attempt("streaming", async () =>
      benchStreaming({
        audio: benchClip(work.streamingSeconds, "streaming"),
        embedder: new Embedder(fullyConvolutionalBase(base)),
        head: await loadOpenWakeWordHead("alexa"),
        backend,
        reference,
        budget: work.budget,
      }),
    );
    await attempt("logmel", async () => {
      const clips = Array.from({ length: work.logMelClips }, (_, i) =>
        benchClip(work.logMelClipSeconds, `logmel ${i}`),
      );
      const figures = await benchLogMel(clips, reference.mel, work.budget);
      return {
        ratio: figures.clips.ratio,
        streamRatio: figures.stream.ratio,
        clipSeconds: work.logMelClipSeconds,
        clips: figures.clips,
        stream: figures.stream,
      };
    });
    await attempt("embedding", async () => {
      const clips = Array.from({ length: work.embeddingClips }, (_, i) =>
        benchClip(work.embeddingClipSeconds, `embedding ${i}`),
      );
      try {
        const section = await benchEmbedding({
          clips,
          base,
          reference: reference.embedding,
          availableBackends: machine.backends.available,
          workers: availableParallelism(),
          budget: work.budget,
          slowBudget: work.slowBudget,
        });
        return { ...section, clipSeconds: work.embeddingClipSeconds };
      } finally {
        // It visits every backend; the later sections run on the chosen one.
        await initBackend(backend);
      }
    });
    await attempt("headTraining", () =>
      benchHeadTraining({ clips: work.headClips, clipSeconds: 2, backend, budget: work.budget }),
    );
    await attempt("train", async () => {
      const wakeforge = locateWakeforge(options.env ?? process.env);
      if (wakeforge === undefined) {
        throw new TrainBenchError(
          "wakeforge was not found: run through `wakeforge bench` or set WAKEFORGE_CLI",
        );
      }
      const figures = await benchTrain({ wakeforge, backend });
      return trainSection(figures, sections);
    });
  } finally {
    await reference.release();
  }
  const result = { version: 1 as const, startedAt, machine, ...sections };
  return { ...result, goals: goalsOf(result) };
}

/**
 * The train job's throughput beside the reference's feature extraction alone (mel then
 * overlapping-window embeddings in onnxruntime) on as much audio, from this run's figures.
 */
function trainSection(
  figures: { wallSeconds: number; audioSeconds: number; command: readonly string[] },
  sections: Pick<BenchResult, "logmel" | "embedding">,
): TrainSection {
  const { logmel, embedding } = sections;
  if (isSkipped(logmel) || isSkipped(embedding)) {
    throw new TrainBenchError(
      "the train figure's reference comes from the logmel and embedding sections: run them too",
    );
  }
  const melPerSecond = logmel.clips.referenceAudioSecondsPerSecond;
  const embeddingPerSecond = embedding.runs[0]?.referenceAudioSecondsPerSecond ?? Number.NaN;
  const referenceAudioSecondsPerSecond = 1 / (1 / melPerSecond + 1 / embeddingPerSecond);
  const audioSecondsPerSecond = figures.audioSeconds / figures.wallSeconds;
  return {
    wallSeconds: figures.wallSeconds,
    audioSeconds: figures.audioSeconds,
    audioSecondsPerSecond,
    referenceAudioSecondsPerSecond,
    ratio: audioSecondsPerSecond / referenceAudioSecondsPerSecond,
    command: figures.command,
  };
}
