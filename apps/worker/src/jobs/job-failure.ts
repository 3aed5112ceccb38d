// Whether a failed job is worth another run. A job whose input is wrong (a folder that is not
// there, a file that is not a model, a spec this worker cannot run) fails the same way on every
// worker, so it fails for good at once; anything else may be passing (a crash, a full disk, a
// worker without the backend the job asks for) and is retried while attempts are left.
import { describeFailure, isExpectedFailure } from "../failures.js";
import { UsageError } from "../usage-error.js";

/** A job this worker will not run as specified; `retry` says whether another worker might. */
export class JobRunError extends Error {
  readonly code: string;
  readonly retry: boolean;

  constructor(code: string, message: string, options: { retry: boolean }) {
    super(message);
    this.name = "JobRunError";
    this.code = code;
    this.retry = options.retry;
  }
}

export interface FailureVerdict {
  readonly message: string;
  readonly code: string;
  readonly retry: boolean;
}

/**
 * Codes of expected failures that say more about the moment or the machine than about the input:
 * file-system trouble, and a speech engine missing or failing on this worker.
 */
const PASSING_CODES = new Set([
  "EAGAIN",
  "EBUSY",
  "EIO",
  "EMFILE",
  "ENFILE",
  "ENOSPC",
  "ESTALE",
  "ETIMEDOUT",
  "ENGINE_UNAVAILABLE",
  "NO_ENGINE",
  "PROCESS_FAILED",
  "TIMEOUT",
]);

function codeOf(error: Error): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : error.name;
}

export function classifyFailure(error: unknown): FailureVerdict {
  if (error instanceof JobRunError) {
    return { message: error.message, code: error.code, retry: error.retry };
  }
  if (error instanceof UsageError) {
    return { message: error.message, code: "INVALID_JOB_INPUT", retry: false };
  }
  if (isExpectedFailure(error)) {
    const code = codeOf(error);
    return { message: describeFailure(error), code, retry: PASSING_CODES.has(code) };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    message: message || "the job failed without a message",
    code: "JOB_FAILED",
    retry: true,
  };
}
