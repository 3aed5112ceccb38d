/** Stable identifiers of what went wrong in the store, for routes to map onto HTTP statuses. */
export type StoreErrorCode =
  | "PROJECT_NOT_FOUND"
  | "SAMPLE_NOT_FOUND"
  | "MODEL_NOT_FOUND"
  | "PHRASE_TAKEN"
  | "INVALID_PHRASE"
  | "INVALID_NAME"
  | "INVALID_LABEL"
  | "SCHEMA_TOO_NEW"
  | "PATH_OUTSIDE_DATA_DIR";

/** An error the store raises on purpose; the message is written for the person using the app. */
export class StoreError extends Error {
  readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "StoreError";
    this.code = code;
  }
}

/**
 * Whether `error` is a StoreError (with `code`, when given). Checked by name, not instanceof:
 * Next bundles each route and page apart, each with its own copy of this class, while the
 * store that throws is one per process (lib/store/server-store.ts).
 */
export function isStoreError(error: unknown, code?: StoreErrorCode): error is StoreError {
  return (
    error instanceof Error &&
    error.name === "StoreError" &&
    typeof (error as { code?: unknown }).code === "string" &&
    (code === undefined || (error as StoreError).code === code)
  );
}
