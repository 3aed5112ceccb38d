// Turns what routes throw into answers: the errors the dashboard raises on purpose become their
// status and message; anything else is logged and answered with a plain 500.
import { EvaluationError } from "../evaluation/evaluation-error";
import { ModelUploadError } from "../models/model-upload-error";
import { isStoreError, type StoreErrorCode } from "../store";
import { SynthesisBusyError } from "../synthesis/synthesis-runs";
import { SynthesisRequestError } from "../synthesis/synthesis-request";
import { UploadError, UploadRejectedError } from "../uploads/upload-error";
import type { ApiErrorBody, ApiFileError } from "./api-error";
import { BadRequestError } from "./read-json";

const NO_STORE = { "cache-control": "no-store" } as const;

const STORE_STATUS: Readonly<Record<StoreErrorCode, number>> = {
  PROJECT_NOT_FOUND: 404,
  SAMPLE_NOT_FOUND: 404,
  MODEL_NOT_FOUND: 404,
  PHRASE_TAKEN: 409,
  INVALID_PHRASE: 400,
  INVALID_NAME: 400,
  INVALID_LABEL: 400,
  SCHEMA_TOO_NEW: 500,
  PATH_OUTSIDE_DATA_DIR: 404,
};

export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: NO_STORE });
}

export function errorResponse(
  status: number,
  code: string,
  message: string,
  files?: readonly ApiFileError[],
): Response {
  const body: ApiErrorBody = { error: { code, message, ...(files ? { files } : {}) } };
  return json(body, status);
}

function fileError(error: UploadError): ApiFileError {
  return { fileName: error.fileName ?? null, code: error.code, message: error.message };
}

/** The answer to `error`; unexpected errors are logged with their stack. */
export function toErrorResponse(error: unknown): Response {
  if (isStoreError(error)) {
    return errorResponse(STORE_STATUS[error.code], error.code, error.message);
  }
  if (error instanceof UploadRejectedError) {
    return errorResponse(error.status, error.code, error.message, error.errors.map(fileError));
  }
  if (error instanceof UploadError) {
    return errorResponse(error.status, error.code, error.message, [fileError(error)]);
  }
  if (error instanceof SynthesisRequestError) {
    return errorResponse(400, "INVALID_SYNTHESIS_REQUEST", error.message);
  }
  if (error instanceof SynthesisBusyError) {
    return errorResponse(409, "SYNTHESIS_RUNNING", error.message);
  }
  if (error instanceof ModelUploadError) {
    return errorResponse(422, error.code, error.message);
  }
  if (error instanceof EvaluationError) {
    return errorResponse(error.status, error.code, error.message);
  }
  if (error instanceof BadRequestError) {
    return errorResponse(400, "BAD_REQUEST", error.message);
  }
  // synth's NoSynthEngineError, recognised by its code: synth is loaded outside the bundle
  // (lib/synthesis/load-synth.ts), so its classes are not importable here.
  if (error instanceof Error && (error as { code?: unknown }).code === "NO_ENGINE") {
    return errorResponse(503, "NO_SPEECH_ENGINE", error.message);
  }
  console.error(error);
  return errorResponse(500, "INTERNAL_ERROR", "the server failed; its log says why");
}

/** Runs a route body, answering thrown errors with toErrorResponse. */
export async function handle(body: () => Promise<Response> | Response): Promise<Response> {
  try {
    return await body();
  } catch (error) {
    return toErrorResponse(error);
  }
}
