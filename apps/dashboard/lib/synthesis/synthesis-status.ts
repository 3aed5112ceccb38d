// A synthesis run as the page sees it (plain JSON). Client code imports this type.

export type SynthesisState = "running" | "succeeded" | "failed" | "cancelled";

export interface SynthesisStatus {
  readonly id: string;
  readonly projectId: string;
  readonly state: SynthesisState;
  readonly positives: number;
  readonly negatives: number;
  /** Clips finished (made or failed) of `total`. */
  readonly done: number;
  readonly total: number;
  /** Clips an engine could not make (left out). */
  readonly failed: number;
  readonly elapsedMs: number;
  /** Estimated time left; null until a clip was made. */
  readonly etaMs: number | null;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  /** Samples added to the project when the run ended (a cancelled run keeps what it made). */
  readonly added: { readonly positive: number; readonly negative: number };
  /** The speech engines used. */
  readonly engines: readonly string[];
  /** What the generation had to leave out or fall back on. */
  readonly notes: readonly string[];
  /** Why the run failed. */
  readonly error: string | null;
}
