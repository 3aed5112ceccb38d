// The messages between the Train tab and its training worker (training.worker.ts). Everything
// crossing is structured-cloneable: plain objects, typed arrays, strings.
import type {
  BackendReport,
  EpochMetrics,
  TrainingRunName,
  TrainingStage,
  TransferVerdict,
} from "@wakeforge/core/browser";
import type { RuntimeFileUrls } from "../runtime-files/runtime-file-names";
import type { TrainingClipRef } from "./training-data";

/** Backends a person may pick; `auto` tries webgpu → webgl → wasm → cpu. */
export const BROWSER_BACKEND_CHOICES = ["auto", "webgl", "wasm", "cpu"] as const;
export type BrowserBackendChoice = (typeof BROWSER_BACKEND_CHOICES)[number];

export const TRAINING_BASES = [
  { id: "speech-embedding", label: "Google speech embedding (openWakeWord's ONNX)" },
] as const;
export type TrainingBaseId = (typeof TRAINING_BASES)[number]["id"];

export interface TrainingSettings {
  readonly base: TrainingBaseId;
  /** Epochs of the transfer run, and of the scratch run. */
  readonly epochs: number;
  /** Train the same network from scratch too, to draw the comparison. */
  readonly compareScratch: boolean;
  /**
   * Windows the scratch run trains on per epoch (a seeded sample): end-to-end steps through the
   * whole base cost about 0.2 s a window on two cores, against well under 1 ms for the head.
   */
  readonly scratchWindowsPerEpoch: number;
  /**
   * Transfer heads trained from different seeds and averaged into the detector (the curves and
   * the comparison are the first head's; the threshold and recall are the average's).
   */
  readonly ensembleSize: number;
  /** Seconds of each kind of generated noise added as background (five kinds). */
  readonly generatedNoiseSeconds: number;
  readonly backend: BrowserBackendChoice;
  readonly seed: number;
}

/** The clip false-accept rate at which recall is measured per epoch and the threshold is set. */
export const CLIP_FALSE_ACCEPT_RATE = 0.05;

export const SETTING_LIMITS = {
  epochs: { min: 1, max: 50, default: 10 },
  scratchWindowsPerEpoch: { min: 8, max: 512, default: 128 },
  /** The default is core's DEFAULT_ENSEMBLE_SIZE (a test checks they agree). */
  ensembleSize: { min: 1, max: 9, default: 5 },
  generatedNoiseSeconds: { min: 0, max: 60, default: 10 },
  seed: { min: 0, max: 999_999, default: 1 },
} as const;

export const DEFAULT_TRAINING_SETTINGS: TrainingSettings = {
  base: "speech-embedding",
  epochs: SETTING_LIMITS.epochs.default,
  compareScratch: true,
  scratchWindowsPerEpoch: SETTING_LIMITS.scratchWindowsPerEpoch.default,
  ensembleSize: SETTING_LIMITS.ensembleSize.default,
  generatedNoiseSeconds: SETTING_LIMITS.generatedNoiseSeconds.default,
  backend: "auto",
  seed: SETTING_LIMITS.seed.default,
};

/** What the page asks of the worker. */
export type ToWorker =
  | {
      readonly type: "train";
      readonly phrase: string;
      readonly settings: TrainingSettings;
      readonly files: RuntimeFileUrls;
      readonly clips: readonly TrainingClipRef[];
    }
  | { readonly type: "cancel" };

/** Where a run is before trainWakeWord's own stages. */
export type PreparationStep = "backend" | "base" | "audio";

/** Why a run ended without a model; the page words each differently. */
export type TrainingFailureKind = "cancelled" | "data" | "backend" | "failed";

/** What the worker keeps of a finished run: the curves, the verdict and the calibration. */
export interface TrainingOutcome {
  readonly curves: {
    readonly transfer: readonly EpochMetrics[];
    readonly scratch?: readonly EpochMetrics[];
  };
  readonly verdict?: TransferVerdict;
  /** Threshold at the clip false-accept rate on held-out negatives, and the recall there. */
  readonly threshold: number;
  readonly recallAtFar: number;
  readonly falseAcceptRate: number;
  readonly recallBySource: { readonly synthetic?: number; readonly recorded?: number };
  readonly heldOutSpeakers: readonly string[];
  readonly seconds: number;
  readonly backend: string;
  readonly ensembleSize: number;
}

export type FromWorker =
  | { readonly type: "preparing"; readonly step: PreparationStep; readonly detail?: string }
  | { readonly type: "backend"; readonly report: BackendReport }
  | { readonly type: "stage"; readonly stage: TrainingStage }
  | { readonly type: "progress"; readonly fraction: number; readonly etaSeconds?: number }
  | {
      readonly type: "epoch";
      readonly run: TrainingRunName;
      readonly epoch: number;
      readonly metrics: EpochMetrics;
    }
  | { readonly type: "log"; readonly level: "info" | "warn"; readonly message: string }
  | {
      readonly type: "done";
      readonly outcome: TrainingOutcome;
      /** The model directory (modelToFiles plus the training record), to upload. */
      readonly files: Readonly<Record<string, Uint8Array | string>>;
    }
  | { readonly type: "failed"; readonly kind: TrainingFailureKind; readonly message: string };
