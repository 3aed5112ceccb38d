// A model's evaluation as the page sees it (plain JSON). Client code imports these types, so this
// file imports nothing.

/** Background at least this long is streamed from its file instead of joined in memory. */
export const STREAMED_FILE_SECONDS = 20;

export type EvaluationState = "running" | "succeeded" | "failed" | "cancelled";

/** How the threshold is chosen: the model's own, or the lowest that meets a false-accept budget. */
export type ThresholdChoice =
  { readonly kind: "model" } | { readonly kind: "target"; readonly falseAcceptsPerHour: number };

/** One held-out clip's best score, with what it is, so the page can say and play it. */
export interface ScoredSample {
  readonly sampleId: string;
  readonly label: "positive" | "negative";
  readonly source: "recorded" | "uploaded" | "synthesized";
  /** What was said (synthesized), or the file's name (uploads); null when unknown. */
  readonly description: string | null;
  readonly voice: string | null;
  readonly maxScore: number;
  /** Positives: detected at the threshold; negatives: fired at it. */
  readonly detected: boolean;
  /** Right side of the threshold when > 0; the table is sorted by this, worst first. */
  readonly margin: number;
}

/** A false accept in the streamed negative audio, traced back to the clip that caused it. */
export interface StreamFalseAccept {
  readonly stream: "speech" | "noise";
  readonly sampleId: string;
  /** What was said in the clip, or its file's name; null when unknown. */
  readonly description: string | null;
  /**
   * Seconds from the clip's start to the end of the audio the detector heard when it fired (past
   * the clip's end when it fired just after it).
   */
  readonly atSeconds: number;
}

/** Samples left out of the evaluation, and why (each count with its reason). */
export interface LeftOut {
  /** Positives and negatives by voices the model trained on. */
  readonly trainedVoices: number;
  /** Background clips that existed when the model was trained (mixed into its training). */
  readonly backgroundHeard: number;
}

export interface EvaluationReport {
  readonly modelId: string;
  readonly phrase: string;
  readonly threshold: number;
  /** "model": the threshold the model was saved with; "target": calibrated on this audio. */
  readonly thresholdSource: "model" | "target";
  /** What set the threshold, in words. */
  readonly thresholdSetBy: string;
  readonly targetFalseAcceptsPerHour: number | null;
  readonly recall: { readonly detected: number; readonly total: number; readonly recall: number };
  readonly recallBySource: Readonly<
    Record<string, { readonly detected: number; readonly total: number }>
  >;
  readonly falseAccepts: {
    readonly count: number;
    readonly hours: number;
    readonly perHour: number;
  };
  /** Held-out negative clips that fired at the threshold, of all held out. */
  readonly negativeClipsFired: { readonly fired: number; readonly total: number };
  /** The DET picture (core's detCurveSvg), an SVG document. */
  readonly detSvg: string;
  readonly detPoints: number;
  /** Worst first: missed positives with the lowest scores, negatives with the highest. */
  readonly samples: readonly ScoredSample[];
  readonly streamFalseAccepts: readonly StreamFalseAccept[];
  /** Length of each stream, with its opening room tone (what false accepts per hour divide by). */
  readonly streamSeconds: { readonly speech: number; readonly noise: number };
  /**
   * Room tone around the clips of each joined stream: before, while the head's window fills;
   * after, so the last clip is heard to its end.
   */
  readonly streamRoomTone: { readonly beforeSeconds: number; readonly afterSeconds: number };
  readonly heldOutVoices: number;
  readonly leftOut: LeftOut;
  readonly refractorySeconds: number;
  readonly audioSeconds: number;
  readonly wallSeconds: number;
}

export interface EvaluationStatus {
  readonly id: string;
  readonly projectId: string;
  readonly modelId: string;
  readonly state: EvaluationState;
  /** Done so far, 0…1, by seconds of audio scored. */
  readonly fraction: number;
  /** What is being scored now, in words. */
  readonly step: string;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly report: EvaluationReport | null;
  /** Why it failed (the file and the problem). */
  readonly error: string | null;
  readonly errorCode: string | null;
}
