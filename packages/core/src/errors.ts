/** Base of every error @wakeforge/core throws on purpose; `code` is stable for programs to test. */
export class WakeforgeCoreError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** An explicitly requested backend cannot run here; `reason` says why in words a person can act on. */
export class BackendUnavailableError extends WakeforgeCoreError {
  readonly backend: string;
  readonly reason: string;

  constructor(backend: string, reason: string, options?: { cause?: unknown }) {
    super("BACKEND_UNAVAILABLE", `backend "${backend}" is unavailable: ${reason}`, options);
    this.backend = backend;
    this.reason = reason;
  }
}
