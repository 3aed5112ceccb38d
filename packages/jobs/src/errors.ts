/** One problem with one field; `path` is dotted (`metrics.loss`), empty for the whole value. */
export interface ValidationIssue {
  readonly path: string;
  readonly message: string;
}

/** Base of every error @wakeforge/jobs throws on purpose; `code` is stable for programs to test. */
export class WakeforgeJobsError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** One line per issue, each naming where it came from, as compilers report: `train.json: epochs: …`. */
function describeIssues(source: string, issues: readonly ValidationIssue[]): string {
  return issues
    .map((issue) => `${source}: ${issue.path ? `${issue.path}: ` : ""}${issue.message}`)
    .join("\n");
}

/** A job spec (usually a JSON file a person wrote) that cannot run as written. */
export class JobSpecError extends WakeforgeJobsError {
  /** Where the spec came from, e.g. its file name. */
  readonly source: string;
  readonly issues: readonly ValidationIssue[];
  /** Where the JSON text stopped making sense, 1-based, when the text was malformed. */
  readonly location: { readonly line: number; readonly column: number } | undefined;

  constructor(
    source: string,
    issues: readonly ValidationIssue[],
    options?: { cause?: unknown; location?: { line: number; column: number } },
  ) {
    super("INVALID_JOB_SPEC", describeIssues(source, issues), options);
    this.source = source;
    this.issues = issues;
    this.location = options?.location;
  }
}

/** A progress event that does not follow the protocol (a bug or a version mismatch in a worker). */
export class ProgressEventError extends WakeforgeJobsError {
  readonly issues: readonly ValidationIssue[];

  constructor(issues: readonly ValidationIssue[]) {
    super("INVALID_PROGRESS_EVENT", describeIssues("progress event", issues));
    this.issues = issues;
  }
}

/** Why a queue refused an operation; stable for programs to test. */
export type JobQueueErrorCode =
  | "JOB_NOT_FOUND"
  | "DUPLICATE_JOB_ID"
  | "ILLEGAL_TRANSITION"
  | "JOB_NOT_RUNNING"
  | "CANCEL_NOT_REQUESTED"
  | "INVALID_QUEUE_ARGUMENT"
  | "QUEUE_CLOSED"
  | "LEASE_LOST";

/** A queue operation that cannot be done: an unknown job, a move its state forbids, bad options. */
export class JobQueueError extends WakeforgeJobsError {
  declare readonly code: JobQueueErrorCode;
  /** The job concerned, when there is one. */
  readonly jobId: string | undefined;

  constructor(
    code: JobQueueErrorCode,
    message: string,
    options?: { cause?: unknown; jobId?: string },
  ) {
    super(code, message, options);
    this.jobId = options?.jobId;
  }
}

/**
 * A worker acted on a job it no longer holds: its lease expired and the job went back to the
 * queue (and perhaps to another worker). The worker must stop working on it and drop its output.
 */
export class LeaseLostError extends JobQueueError {
  constructor(jobId: string, message: string) {
    super("LEASE_LOST", message, { jobId });
  }
}
