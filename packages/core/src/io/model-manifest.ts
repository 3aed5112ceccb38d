import { SAMPLE_RATE_HZ } from "@wakeforge/audio";
import type { DetectionPolicy } from "../detector/detection-policy.js";
import { WakeforgeCoreError } from "../errors.js";
import { SPEECH_EMBEDDING } from "../models/zoo.js";
import { TFJS_VERSION } from "../versions.js";

export const MODEL_MANIFEST_FILE = "wakeforge.json";
export const MODEL_FORMAT = "wakeforge-model";
export const MODEL_FORMAT_VERSION = 1;

/**
 * `wakeforge.json`: what a model directory holds and how to feed it. Written beside the tfjs
 * `model.json` and `weights.bin`; read before the weights so a wrong directory fails early.
 */
export interface ModelManifest {
  readonly format: typeof MODEL_FORMAT;
  readonly formatVersion: number;
  /** detector: features → score; base: features → embedding; head: embeddings → score. */
  readonly kind: "detector" | "base" | "head";
  readonly phrase?: string;
  readonly base?: { readonly id: string; readonly version: string; readonly sha256: string };
  /** Embeddings per head window, log-mel frames per embedding window, hop between embeddings. */
  readonly window?: {
    readonly embeddings: number;
    readonly frames: number;
    readonly hopFrames: number;
  };
  readonly sampleRateHz?: number;
  readonly threshold?: number;
  /**
   * Scores averaged over this many 80 ms steps before the threshold; the threshold was
   * calibrated on averaged scores, so a reader must average the same way. Absent: 1 (none).
   */
  readonly smoothingSteps?: number;
  readonly createdAt: string;
  readonly versions: Readonly<Record<string, string>>;
  /** Anything else a tool wants to keep with the model (training settings, notes). */
  readonly extra?: Readonly<Record<string, unknown>>;
}

/** A model directory or file that is not what it claims, or not a wakeforge model at all. */
export class ModelFormatError extends WakeforgeCoreError {
  readonly path: string;

  constructor(path: string, problem: string, options?: { cause?: unknown }) {
    super("MODEL_FORMAT", `${path}: ${problem}`, options);
    this.path = path;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Checks a parsed `wakeforge.json`; every problem names the file and the field. */
export function parseModelManifest(value: unknown, path: string): ModelManifest {
  const fail = (problem: string) => new ModelFormatError(path, problem);
  if (!isRecord(value)) throw fail("is not a JSON object");
  if (value.format !== MODEL_FORMAT) {
    throw fail(
      `format is ${JSON.stringify(value.format)}, not "${MODEL_FORMAT}": not a wakeforge model`,
    );
  }
  if (value.formatVersion !== MODEL_FORMAT_VERSION) {
    throw fail(
      `formatVersion ${JSON.stringify(value.formatVersion)} is not supported (this wakeforge reads ${MODEL_FORMAT_VERSION})`,
    );
  }
  if (value.kind !== "detector" && value.kind !== "base" && value.kind !== "head") {
    throw fail(`kind must be "detector", "base" or "head", got ${JSON.stringify(value.kind)}`);
  }
  if (typeof value.createdAt !== "string") throw fail("createdAt must be a string");
  if (!isRecord(value.versions)) throw fail("versions must be an object");
  if (
    value.threshold !== undefined &&
    !(typeof value.threshold === "number" && value.threshold >= 0 && value.threshold <= 1)
  ) {
    throw fail(`threshold must be a number in [0, 1], got ${JSON.stringify(value.threshold)}`);
  }
  if (
    value.smoothingSteps !== undefined &&
    !(Number.isInteger(value.smoothingSteps) && (value.smoothingSteps as number) >= 1)
  ) {
    throw fail(
      `smoothingSteps must be a positive integer, got ${JSON.stringify(value.smoothingSteps)}`,
    );
  }
  if (
    value.sampleRateHz !== undefined &&
    !(typeof value.sampleRateHz === "number" && value.sampleRateHz > 0)
  ) {
    throw fail(`sampleRateHz must be a positive number, got ${JSON.stringify(value.sampleRateHz)}`);
  }
  return value as unknown as ModelManifest;
}

export interface HeadManifestOptions {
  readonly phrase: string;
  /** The base the head reads embeddings of. Default: the zoo's speech-embedding base. */
  readonly base?: { readonly id: string; readonly version: string; readonly sha256: string };
  /** The calibrated (or chosen) detection threshold, 0..1. */
  readonly threshold?: number;
  /** Steps the scores were averaged over when the threshold was calibrated. Default: none. */
  readonly smoothingSteps?: number;
  /** Embeddings per head window. Default 16. */
  readonly windowEmbeddings?: number;
  /** Added to `{ tfjs }`: what made the model (e.g. `{ wakeforge: "0.3.0", dashboard: "…" }`). */
  readonly versions?: Readonly<Record<string, string>>;
  readonly extra?: Readonly<Record<string, unknown>>;
  /** Default: now. */
  readonly createdAt?: Date;
}

/** The manifest of a head trained on the zoo's speech-embedding base (what `wakeforge train` writes). */
export function headManifest(options: HeadManifestOptions): ModelManifest {
  const manifest: ModelManifest = {
    format: MODEL_FORMAT,
    formatVersion: MODEL_FORMAT_VERSION,
    kind: "head",
    phrase: options.phrase,
    base: options.base ?? {
      id: SPEECH_EMBEDDING.id,
      version: SPEECH_EMBEDDING.version,
      sha256: SPEECH_EMBEDDING.source.sha256,
    },
    window: {
      embeddings: options.windowEmbeddings ?? 16,
      frames: SPEECH_EMBEDDING.windowFrames,
      hopFrames: SPEECH_EMBEDDING.hopFrames,
    },
    sampleRateHz: SAMPLE_RATE_HZ,
    ...(options.threshold === undefined ? {} : { threshold: options.threshold }),
    ...(options.smoothingSteps === undefined ? {} : { smoothingSteps: options.smoothingSteps }),
    createdAt: (options.createdAt ?? new Date()).toISOString(),
    versions: { tfjs: TFJS_VERSION, ...options.versions },
    ...(options.extra === undefined ? {} : { extra: options.extra }),
  };
  // The same checks a reader applies, so a bad threshold fails here rather than on load.
  return parseModelManifest(manifest, `manifest for "${options.phrase}"`);
}

/**
 * How a model directory's head turns scores into detections: its calibrated threshold (0.5
 * when it has none) and the smoothing that threshold was calibrated with; `overrides` win.
 */
export function detectionPolicyFor(
  manifest: ModelManifest,
  overrides: Partial<DetectionPolicy> = {},
): DetectionPolicy {
  const { threshold, smoothingSteps, refractorySeconds } = overrides;
  const steps = smoothingSteps ?? manifest.smoothingSteps;
  return {
    threshold: threshold ?? manifest.threshold ?? 0.5,
    ...(steps === undefined ? {} : { smoothingSteps: steps }),
    ...(refractorySeconds === undefined ? {} : { refractorySeconds }),
  };
}
