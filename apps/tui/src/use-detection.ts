import { useCallback, useEffect, useRef, useState } from "react";
import type { ScoreStep } from "./detect/run-detection.js";
import type { DetectionSource, TuiServices } from "./services.js";

export type DetectionStatus = "idle" | "loading" | "listening" | "finished" | "stopped" | "failed";

export interface DetectionView {
  readonly status: DetectionStatus;
  /** What is being listened to, once the model is loaded. */
  readonly listeningTo: string | undefined;
  readonly latest: ScoreStep | undefined;
  /** The highest score so far. */
  readonly peak: number;
  /** Newest last. */
  readonly detections: readonly ScoreStep[];
  readonly message: string | undefined;
}

const IDLE: DetectionView = {
  status: "idle",
  listeningTo: undefined,
  latest: undefined,
  peak: 0,
  detections: [],
  message: undefined,
};

const KEPT_DETECTIONS = 100;

/** One detection session at a time on `model`; stopped when the screen closes. */
export function useDetection(
  detect: TuiServices["detect"],
  model: string | undefined,
): { readonly view: DetectionView; start(source: DetectionSource): void; stop(): void } {
  const [view, setView] = useState<DetectionView>(IDLE);
  const controller = useRef<AbortController | undefined>(undefined);

  const stop = useCallback(() => {
    if (!controller.current) return;
    controller.current.abort();
    controller.current = undefined;
    setView((v) =>
      v.status === "loading" || v.status === "listening" ? { ...v, status: "stopped" } : v,
    );
  }, []);

  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(
    (source: DetectionSource) => {
      if (!model) return;
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      setView({ ...IDLE, status: "loading" });
      const live = (update: (v: DetectionView) => DetectionView) => {
        if (!abort.signal.aborted) setView(update);
      };
      detect(
        {
          model,
          source,
          realTime: true,
          onListening: (description) =>
            live((v) => ({ ...v, status: "listening", listeningTo: description })),
        },
        {
          signal: abort.signal,
          onScore: (step) =>
            live((v) => ({ ...v, latest: step, peak: Math.max(v.peak, step.score) })),
          onDetection: (d) =>
            live((v) => ({ ...v, detections: [...v.detections, d].slice(-KEPT_DETECTIONS) })),
        },
      )
        .then(
          () => live((v) => ({ ...v, status: "finished" })),
          (error: unknown) =>
            live((v) => ({ ...v, status: "failed", message: (error as Error).message })),
        )
        .finally(() => {
          if (controller.current === abort) controller.current = undefined;
        });
    },
    [detect, model],
  );

  return { view, start, stop };
}
