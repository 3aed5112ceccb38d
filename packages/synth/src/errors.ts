/** Base of every error @wakeforge/synth throws on purpose; `code` is stable for programs to test. */
export class SynthError extends Error {
  readonly code: string;
  readonly engine: string;

  constructor(engine: string, code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.engine = engine;
    this.code = code;
  }
}

/** The engine cannot run on this machine; `reason` says how to fix that. */
export class SynthEngineUnavailableError extends SynthError {
  readonly reason: string;

  constructor(engine: string, reason: string, options?: { cause?: unknown }) {
    super(engine, "ENGINE_UNAVAILABLE", reason, options);
    this.reason = reason;
  }
}

export type SynthRequestErrorCode =
  "EMPTY_TEXT" | "UNKNOWN_VOICE" | "UNKNOWN_VARIANT" | "BAD_RATE" | "BAD_PITCH";

/** The request asks for something the engine does not offer; nothing was run. */
export class SynthRequestError extends SynthError {
  declare readonly code: SynthRequestErrorCode;

  constructor(engine: string, code: SynthRequestErrorCode, message: string) {
    super(engine, code, message);
  }
}

export type SynthesisErrorCode =
  "PROCESS_FAILED" | "TIMEOUT" | "BAD_OUTPUT" | "SILENT_OUTPUT" | "UNEXPECTED_OUTPUT";

/** The engine ran but did not produce usable speech; `stderr` holds what it said. */
export class SynthesisError extends SynthError {
  declare readonly code: SynthesisErrorCode;
  readonly stderr: string;
  readonly exitCode: number | null;

  constructor(
    engine: string,
    code: SynthesisErrorCode,
    message: string,
    details: { stderr?: string; exitCode?: number | null; cause?: unknown } = {},
  ) {
    const stderr = details.stderr?.trim() ?? "";
    super(engine, code, stderr === "" ? message : `${message}: ${stderr}`, {
      cause: details.cause,
    });
    this.stderr = stderr;
    this.exitCode = details.exitCode ?? null;
  }
}

/** An engine that could not be used, and why. */
export interface MissingEngine {
  readonly engine: string;
  readonly reason: string;
}

/** No text-to-speech engine can run here; `missing` says why for each one tried. */
export class NoSynthEngineError extends SynthError {
  readonly missing: readonly MissingEngine[];

  constructor(missing: readonly MissingEngine[]) {
    const reasons = missing.map(({ reason }) => reason).join(", ");
    super(
      "none",
      "NO_ENGINE",
      `no text-to-speech engine is available${reasons === "" ? "" : `: ${reasons}`}`,
    );
    this.missing = missing;
  }
}
