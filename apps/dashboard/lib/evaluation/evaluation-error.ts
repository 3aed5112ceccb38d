// What can stop an evaluation or an export before it starts, each naming the file or the data
// at fault, so the page can tell a person what to fix. Routes answer them with their status.

export type EvaluationErrorCode =
  /** A file the model directory must have is not there. */
  | "MODEL_FILE_MISSING"
  /** A model file is there but unreadable: not JSON, wrong fields, weights of the wrong size. */
  | "MODEL_FILE_CORRUPT"
  /** No positive clip by a voice the model never trained on. */
  | "NO_HELD_OUT_POSITIVES"
  /** Another evaluation of the project is still going. */
  | "EVALUATION_RUNNING"
  /** The request asked for something impossible (a negative budget, an unknown format). */
  | "BAD_EVALUATION_REQUEST";

const STATUS: Readonly<Record<EvaluationErrorCode, number>> = {
  MODEL_FILE_MISSING: 404,
  MODEL_FILE_CORRUPT: 422,
  NO_HELD_OUT_POSITIVES: 422,
  EVALUATION_RUNNING: 409,
  BAD_EVALUATION_REQUEST: 400,
};

export class EvaluationError extends Error {
  readonly code: EvaluationErrorCode;
  /** The file at fault, when there is one (relative to the model directory). */
  readonly file: string | undefined;

  constructor(
    code: EvaluationErrorCode,
    message: string,
    options: { file?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "EvaluationError";
    this.code = code;
    this.file = options.file;
  }

  /** The HTTP status a route answers this with. */
  get status(): number {
    return STATUS[this.code];
  }
}
