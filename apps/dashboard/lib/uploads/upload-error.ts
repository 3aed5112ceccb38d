// Why an upload was refused, typed for programs and worded for people: the message names the
// file and the problem ("hello.wav: file is empty (0 bytes)").

export type UploadErrorCode =
  | "EMPTY_FILE"
  | "TOO_LARGE"
  | "UNSUPPORTED_FORMAT"
  | "CORRUPT_AUDIO"
  | "TOO_LONG"
  | "TOO_SHORT"
  | "SILENT"
  | "NOT_MULTIPART"
  | "NO_FILE"
  | "TOO_MANY_FILES"
  | "REQUEST_TOO_LARGE"
  | "BAD_FIELD";

const STATUS: Readonly<Record<UploadErrorCode, number>> = {
  EMPTY_FILE: 422,
  TOO_LARGE: 413,
  UNSUPPORTED_FORMAT: 415,
  CORRUPT_AUDIO: 422,
  TOO_LONG: 422,
  TOO_SHORT: 422,
  SILENT: 422,
  NOT_MULTIPART: 415,
  NO_FILE: 400,
  TOO_MANY_FILES: 400,
  REQUEST_TOO_LARGE: 413,
  BAD_FIELD: 400,
};

export class UploadError extends Error {
  readonly code: UploadErrorCode;
  /** The file the problem is about, as the sender named it; undefined for request problems. */
  readonly fileName: string | undefined;
  /** The problem without the file name. */
  readonly problem: string;

  constructor(
    code: UploadErrorCode,
    problem: string,
    fileName?: string,
    options?: { cause?: unknown },
  ) {
    super(fileName === undefined ? problem : `${fileName}: ${problem}`, options);
    this.name = "UploadError";
    this.code = code;
    this.fileName = fileName;
    this.problem = problem;
  }

  /** The HTTP status that answers it. */
  get status(): number {
    return STATUS[this.code];
  }
}

/** One or more files of a request were refused; nothing of the request was stored. */
export class UploadRejectedError extends Error {
  readonly errors: readonly UploadError[];

  constructor(errors: readonly UploadError[]) {
    const first = errors[0];
    super(
      errors.length === 1 && first
        ? first.message
        : `${errors.length} files were refused, so none was added: ${errors.map((e) => e.message).join("; ")}`,
    );
    this.name = "UploadRejectedError";
    this.errors = errors;
  }

  /** One file: its own status (413, 415, 422…); several: 422. */
  get status(): number {
    return this.errors.length === 1 ? (this.errors[0]?.status ?? 422) : 422;
  }

  /** The code of the one refused file, or UPLOAD_REJECTED for several. */
  get code(): string {
    return this.errors.length === 1
      ? (this.errors[0]?.code ?? "UPLOAD_REJECTED")
      : "UPLOAD_REJECTED";
  }
}
