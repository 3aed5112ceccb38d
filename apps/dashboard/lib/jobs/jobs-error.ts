/** Stable codes of what went wrong with jobs, each answered with its HTTP status. */
export const JOBS_ERROR_STATUS = {
  JOB_NOT_FOUND: 404,
  NOT_ENOUGH_DATA: 422,
  WORKER_MODEL_INVALID: 422,
} as const;

export type JobsErrorCode = keyof typeof JOBS_ERROR_STATUS;

/** An error the jobs code raises on purpose; the message is written for the person using the app. */
export class JobsError extends Error {
  readonly code: JobsErrorCode;

  constructor(code: JobsErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "JobsError";
    this.code = code;
  }

  get status(): number {
    return JOBS_ERROR_STATUS[this.code];
  }
}
