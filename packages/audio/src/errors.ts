/** Stable identifiers of what went wrong, for programs to branch on. */
export type AudioErrorCode =
  | "NOT_WAV"
  | "TRUNCATED_HEADER"
  | "MISSING_CHUNK"
  | "DATA_CHUNK_OVERRUN"
  | "UNSUPPORTED_FORMAT"
  | "INCONSISTENT_FORMAT"
  | "ZERO_CHANNELS"
  | "BAD_SAMPLE_RATE"
  | "NO_SAMPLES"
  | "NON_FINITE_SAMPLES"
  | "EMPTY_FILE"
  | "CORRUPT_DATA"
  | "TOO_LONG"
  | "TOO_LARGE"
  | "BAD_ARGUMENT"
  | "SILENT_SIGNAL";

/**
 * Base of every error @wakeforge/audio throws on purpose. The message names the file (when
 * known) and the problem, e.g. `hello.wav: data chunk claims 88200 bytes but only 1000 remain`.
 */
export class AudioError extends Error {
  readonly code: AudioErrorCode;
  readonly fileName: string | undefined;
  /** The problem alone, without the file name. */
  readonly problem: string;

  constructor(
    code: AudioErrorCode,
    problem: string,
    options?: { fileName?: string | undefined; cause?: unknown },
  ) {
    const fileName = options?.fileName;
    super(fileName === undefined ? problem : `${fileName}: ${problem}`, { cause: options?.cause });
    this.name = new.target.name;
    this.code = code;
    this.fileName = fileName;
    this.problem = problem;
  }
}

/** The bytes are not audio this package can decode, or they are damaged. */
export class AudioDecodeError extends AudioError {}

/** The samples or settings given to an encoder cannot be written faithfully. */
export class AudioEncodeError extends AudioError {}

/**
 * A processing function (resampling, augmentation) was given an argument it cannot honour: a
 * non-positive rate, NaN samples, a silent signal whose level is undefined. The message names
 * the argument and the value received.
 */
export class AudioArgumentError extends AudioError {}
