// The shape of `wakeforge bench --json`: one object, figures as audio-seconds per second beside
// the reference measured in the same run, and the ratios the goals are stated in
// (above 1: wakeforge is faster).

export interface BenchBudget {
  /** Measured time each side of a comparison gets at least, in ms. */
  readonly minMeasureMs: number;
  readonly warmUpRounds: number;
  readonly minRounds?: number;
}

/** wakeforge against the reference on the same work, rounds alternated. */
export interface Comparison {
  readonly wakeforgeAudioSecondsPerSecond: number;
  readonly referenceAudioSecondsPerSecond: number;
  /** wakeforge ÷ reference throughput: the median of the ratios of neighbouring rounds. */
  readonly ratio: number;
  /** Measured rounds per side (each figure is the median round). */
  readonly rounds: number;
}

export interface Latency {
  readonly p50: number;
  readonly p99: number;
}

export interface StreamComparison extends Comparison {
  /** Time to process one 80 ms chunk, in µs. */
  readonly chunkMicros: { readonly wakeforge: Latency; readonly reference: Latency };
}

export interface Skipped {
  readonly skipped: string;
}

export interface MachineInfo {
  readonly cpuModel: string;
  readonly logicalCores: number;
  readonly memoryGiB: number;
  readonly platform: string;
  readonly arch: string;
  readonly node: string;
  readonly onnxruntime: string;
  readonly tfjs: string;
  /** 1-minute load average when the bench started: above the core count, figures are noisy. */
  readonly loadAverage: number;
  /** The tfjs backend each stage ran on, and the ones this machine could not start, with why. */
  readonly backends: {
    readonly available: readonly string[];
    readonly unavailable: readonly { readonly backend: string; readonly reason: string }[];
  };
}

export interface LogMelSection {
  /** Whole clips: wakeforge ÷ reference. */
  readonly ratio: number;
  /** 80 ms chunks: wakeforge ÷ reference. */
  readonly streamRatio: number;
  /** Length of each clip measured. */
  readonly clipSeconds: number;
  readonly clips: Comparison;
  readonly stream: StreamComparison;
}

export interface EmbeddingRun extends Comparison {
  /** The tfjs backend, with "×N" when N worker threads each ran one. */
  readonly name: string;
  readonly backend: string;
  readonly workers: number;
  /** Clips embedded per round (slow backends get fewer). */
  readonly clips: number;
}

export interface EmbeddingSection {
  /** wakeforge's best run ÷ the reference (onnxruntime on overlapping windows). */
  readonly ratio: number;
  readonly best: string;
  /** Each round embeds the run's clips of `clipSeconds` as one batch. */
  readonly clipSeconds: number;
  readonly runs: readonly EmbeddingRun[];
}

export interface StreamingSection {
  /** Share of one core one wake word takes while streaming: CPU seconds per audio second. */
  readonly coreFraction: number;
  /** Wall seconds per audio second (equals coreFraction on an idle machine). */
  readonly realTimeFactor: number;
  /** wakeforge ÷ reference throughput (openWakeWord's chain in onnxruntime, per chunk). */
  readonly ratio: number;
  readonly backend: string;
  readonly audioSeconds: number;
  readonly wakeforge: StreamSide;
  readonly reference: StreamSide;
}

export interface StreamSide {
  readonly audioSecondsPerSecond: number;
  readonly cpuSecondsPerAudioSecond: number;
  /** Per 80 ms chunk, in ms. */
  readonly chunkMillis: Latency;
}

export interface HeadTrainingSection extends Comparison {
  readonly backend: string;
  /** The reference: the same head trained on tfjs's plain cpu backend (onnxruntime cannot train). */
  readonly referenceBackend: string;
  readonly secondsPerEpoch: number;
  readonly referenceSecondsPerEpoch: number;
  readonly examplesPerEpoch: number;
}

export interface TrainSection {
  readonly wallSeconds: number;
  /** Seconds of clip audio the job trains on (positives and negatives). */
  readonly audioSeconds: number;
  readonly audioSecondsPerSecond: number;
  /**
   * Reference: onnxruntime computing only the features (mel + overlapping-window embeddings) of
   * the same amount of audio; the ratio says how close the whole job comes to that.
   */
  readonly referenceAudioSecondsPerSecond: number;
  readonly ratio: number;
  readonly command: readonly string[];
}

export interface BenchResult {
  readonly version: 1;
  readonly startedAt: string;
  readonly machine: MachineInfo;
  readonly logmel: LogMelSection | Skipped;
  readonly embedding: EmbeddingSection | Skipped;
  readonly streaming: StreamingSection | Skipped;
  readonly headTraining: HeadTrainingSection | Skipped;
  readonly train: TrainSection | Skipped;
  /** The goals, and whether this run met them (absent: not measured). */
  readonly goals: readonly Goal[];
}

export interface Goal {
  readonly figure: string;
  readonly target: string;
  readonly value: number | null;
  readonly met: boolean | null;
}

export const SECTIONS = ["logmel", "embedding", "streaming", "headTraining", "train"] as const;
export type SectionName = (typeof SECTIONS)[number];

export function isSkipped(section: object): section is Skipped {
  return "skipped" in section;
}

/** The acceptance figures, checked against a run. */
export function goalsOf(result: Omit<BenchResult, "goals">): Goal[] {
  const pick = <T extends object>(section: T | Skipped, read: (s: T) => number) =>
    isSkipped(section) ? null : read(section);
  const goal = (
    figure: string,
    target: string,
    value: number | null,
    met: (v: number) => boolean,
  ) => ({ figure, target, value, met: value === null ? null : met(value) }) satisfies Goal;
  return [
    goal(
      "logmel.ratio",
      ">= 1",
      pick(result.logmel, (s) => s.ratio),
      (v) => v >= 1,
    ),
    goal(
      "logmel.streamRatio",
      ">= 2",
      pick(result.logmel, (s) => s.streamRatio),
      (v) => v >= 2,
    ),
    goal(
      "embedding.ratio",
      ">= 1.5",
      pick(result.embedding, (s) => s.ratio),
      (v) => v >= 1.5,
    ),
    goal(
      "streaming.coreFraction",
      "< 0.01",
      pick(result.streaming, (s) => s.coreFraction),
      (v) => v < 0.01,
    ),
  ];
}
