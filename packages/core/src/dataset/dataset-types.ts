import { WakeforgeCoreError } from "../errors.js";

export type ClipKind = "positive" | "negative" | "background";
export type ClipSource = "synthetic" | "recorded";

/** One audio clip of a data set, decoded to 16 kHz mono (−1…1). */
export interface DatasetClip {
  /** Stable id within the data set: the path relative to the data set's root, with `/`. */
  readonly id: string;
  /** Absolute path of the file it came from (empty for clips made in memory). */
  readonly file: string;
  readonly kind: ClipKind;
  readonly source: ClipSource;
  /**
   * Who is speaking: a TTS voice (`espeak-ng:en-us+f3`), a person (`user:ana`), a Speech
   * Commands speaker (`sc:0a7c2a8d`). Splits never put one speaker in both train and test.
   */
  readonly speakerId: string;
  readonly engine?: string;
  readonly voiceId?: string;
  readonly text?: string;
  /** e.g. `confusable`, `general`, `noise`, `music`, or the Speech Commands label. */
  readonly category?: string;
  /** Training weight of this clip; see assignTrainingWeights. Default 1. */
  readonly weight: number;
  readonly samples: Float32Array;
}

/** A data set: clips of each kind plus the files that could not be read (nothing is dropped silently). */
export interface Dataset {
  readonly root: string;
  readonly layout: "folders" | "speech-commands" | "memory";
  readonly positives: DatasetClip[];
  readonly negatives: DatasetClip[];
  readonly background: DatasetClip[];
  readonly errors: DatasetFileError[];
}

/** One file of a data set that could not be used, and why. */
export class DatasetFileError extends WakeforgeCoreError {
  readonly file: string;
  readonly reason: string;

  constructor(file: string, reason: string, options?: { cause?: unknown }) {
    super("DATASET_FILE_UNREADABLE", `${file}: ${reason}`, options);
    this.file = file;
    this.reason = reason;
  }
}

/** The data set as a whole cannot be used (missing folder, no positives, a bad manifest). */
export class DatasetError extends WakeforgeCoreError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("DATASET_INVALID", message, options);
  }
}
