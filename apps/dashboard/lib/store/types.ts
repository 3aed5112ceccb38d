// What the store hands out, as the API sends it (plain JSON values). Client code imports these
// types too, so this file imports nothing.

export const SAMPLE_LABELS = ["positive", "negative", "background"] as const;
/** positive: the phrase; negative: other speech, near misses; background: room, noise, music. */
export type SampleLabel = (typeof SAMPLE_LABELS)[number];

export const SAMPLE_SOURCES = ["recorded", "uploaded", "synthesized"] as const;
export type SampleSource = (typeof SAMPLE_SOURCES)[number];

export interface Project {
  readonly id: string;
  /** What the person calls the project; starts as the phrase, can be renamed. */
  readonly name: string;
  /** The trigger phrase, e.g. "hey nova"; fixed once the project exists (its data depends on it). */
  readonly phrase: string;
  /** ISO 8601. */
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface Sample {
  readonly id: string;
  readonly projectId: string;
  readonly label: SampleLabel;
  readonly source: SampleSource;
  /** Synthesized samples: the TTS engine ("espeak-ng", "flite"), else null. */
  readonly engine: string | null;
  /** Synthesized samples: the voice with its variant ("en-us+f3"), else null. */
  readonly voice: string | null;
  /** Synthesized samples: the words spoken, else null. */
  readonly text: string | null;
  /** Uploads: the file name it arrived with (shown only, never used in a path), else null. */
  readonly originalName: string | null;
  /** Uploads and recordings: the container it arrived in ("wav", "mp3", "webm", …). */
  readonly originalFormat: string | null;
  readonly originalSampleRateHz: number | null;
  readonly durationSeconds: number;
  /** Of the stored file: always 16 000 (16 kHz mono 16-bit WAV). */
  readonly sampleRateHz: number;
  readonly byteSize: number;
  readonly createdAt: string;
}

export interface LabelCount {
  readonly count: number;
  readonly seconds: number;
  /** Recorded or uploaded: real audio, reported apart from synthetic speech. */
  readonly real: number;
  readonly synthesized: number;
}

export type SampleCounts = Readonly<Record<SampleLabel, LabelCount>> & {
  readonly total: number;
};

/** What the transfer-vs-scratch comparison concluded (compareLearningCurves). */
export type TransferVerdictKind = "transfer-helped" | "mixed" | "negative-transfer";

/** A detector trained for a project: its model directory on disk and what training measured. */
export interface TrainedModel {
  readonly id: string;
  readonly projectId: string;
  /** "browser" for the Train tab's in-page training. */
  readonly trainedIn: string;
  /** The TensorFlow.js backend it trained on ("wasm", "webgl", …). */
  readonly backend: string;
  readonly base: string;
  readonly epochs: number;
  readonly comparedScratch: boolean;
  /** The calibrated detection threshold, 0…1. */
  readonly threshold: number;
  /** The clip false-accept rate on held-out negatives that set the threshold. */
  readonly falseAcceptRate: number;
  /** Held-out recall at that rate, 0…1. */
  readonly recallAtFar: number;
  /** The same for the network trained from scratch (null without the comparison). */
  readonly scratchRecallAtFar: number | null;
  readonly verdict: TransferVerdictKind | null;
  readonly verdictSummary: string | null;
  readonly trainingSeconds: number;
  /** The model directory's files: model.json, weights.bin, wakeforge.json, metrics.json, … */
  readonly files: readonly string[];
  readonly byteSize: number;
  readonly createdAt: string;
}

export interface ProjectSummary extends Project {
  readonly counts: SampleCounts;
}

/** What a training on a worker was asked for (the train job's settings the Train tab offers). */
export interface WorkerTrainingSettings {
  readonly base: string;
  readonly epochs: number;
  readonly compareScratch: boolean;
  readonly seed: number;
  /** Minutes of generated negative audio the threshold is calibrated on. */
  readonly negativeMinutes: number;
  /** Minutes of generated background noise trained on as negatives. */
  readonly backgroundMinutes: number;
}

/**
 * A train job the dashboard queued for a project. The job's state lives in the queue; this is
 * what ties it to the project, and what became of it once it ended.
 */
export interface WorkerTraining {
  readonly jobId: string;
  readonly projectId: string;
  readonly settings: WorkerTrainingSettings;
  /** The model the finished job was stored as (null until then, or when it ended otherwise). */
  readonly modelId: string | null;
  /** Why the finished job's model could not be stored, when it could not. */
  readonly recordError: string | null;
  /** When the dashboard dealt with the job's end (stored the model, or cleaned up); null before. */
  readonly settledAt: string | null;
  readonly createdAt: string;
}
