// The messages between the Live tab and its detector worker (live-detector.worker.ts).
// Everything crossing is structured-cloneable: plain objects, typed arrays, strings.
import type { RuntimeFileUrls } from "../runtime-files/runtime-file-names";
import type { ScorePoint } from "./score-chart";

/** What the page asks of the worker. */
export type ToLiveWorker =
  | {
      /** Starts the backend and loads the base and the model (each once, then kept). */
      readonly type: "load";
      /** Absolute URLs: a worker resolves relative ones against its own script. */
      readonly files: RuntimeFileUrls;
      readonly modelUrl: string;
    }
  /**
   * A new stream from the loaded model: stream time starts at 0 with the next audio. `stream`
   * numbers it, so a clip asked for a detection of an earlier stream is not cut from this one.
   */
  | {
      readonly type: "listen";
      readonly stream: number;
      readonly inputSampleRateHz: number;
      readonly threshold: number;
    }
  /** Microphone samples at the listen message's rate, −1…1. */
  | { readonly type: "audio"; readonly samples: Float32Array }
  | { readonly type: "threshold"; readonly threshold: number }
  /** The audio between two stream times, for a correction; answered with "clip". */
  | {
      readonly type: "clip";
      readonly requestId: number;
      readonly stream: number;
      readonly fromSeconds: number;
      readonly toSeconds: number;
    }
  /** The audio of the last `seconds` heard, for "Missed it"; answered with "clip". */
  | { readonly type: "clip-latest"; readonly requestId: number; readonly seconds: number };

/** Why listening could not start; the page words each differently. */
export type LiveFailureKind = "backend" | "base" | "model" | "failed";

export type FromLiveWorker =
  | { readonly type: "preparing"; readonly step: "backend" | "base" | "model" }
  | { readonly type: "ready"; readonly backend: string }
  /** The scores of the 80 ms steps just computed, and how far the stream has been heard. */
  | {
      readonly type: "scores";
      readonly points: readonly ScorePoint[];
      readonly heardSeconds: number;
    }
  /** A detection in the stream numbered `stream` (the listen message's). */
  | {
      readonly type: "detection";
      readonly stream: number;
      readonly timeSeconds: number;
      readonly score: number;
    }
  /** 16 kHz samples, starting at `fromSeconds` of the stream. */
  | {
      readonly type: "clip";
      readonly requestId: number;
      readonly samples: Float32Array;
      readonly fromSeconds: number;
    }
  | { readonly type: "failed"; readonly kind: LiveFailureKind; readonly message: string };
