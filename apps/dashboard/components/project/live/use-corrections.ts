"use client";

// "Learn from use": a false wake kept as a negative, a missed phrase as a positive, each cut
// from the detector worker's audio history and stored through the samples API.
import { useCallback, useState } from "react";
import { errorMessage } from "../../../lib/client/api-client";
import { CORRECTION_CLIP_SECONDS, falseWakeWindow } from "../../../lib/live/clip-windows";
import { saveLiveClip, type CorrectionKind } from "./save-live-clip";
import type { LiveDetection, useLiveDetector } from "./use-live-detector";

export type Correction =
  | { readonly status: "saving" }
  | { readonly status: "saved"; readonly sampleId: string; readonly seconds: number }
  | { readonly status: "failed"; readonly message: string };

type RequestClip = ReturnType<typeof useLiveDetector>["requestClip"];

export function useCorrections(projectId: string, requestClip: RequestClip) {
  /** By detection id. */
  const [falseWakes, setFalseWakes] = useState<ReadonlyMap<number, Correction>>(new Map());
  const [missed, setMissed] = useState<Correction | undefined>(undefined);

  const store = useCallback(
    async (kind: CorrectionKind, clip: Promise<Float32Array>): Promise<Correction> => {
      try {
        const samples = await clip;
        const list = await saveLiveClip(projectId, samples, kind);
        const sample = list.samples[0];
        return sample
          ? { status: "saved", sampleId: sample.id, seconds: sample.durationSeconds }
          : { status: "failed", message: "the server stored nothing" };
      } catch (failure) {
        return { status: "failed", message: errorMessage(failure) };
      }
    },
    [projectId],
  );

  const markFalseWake = useCallback(
    async (detection: LiveDetection) => {
      const put = (correction: Correction) =>
        setFalseWakes((all) => new Map(all).set(detection.id, correction));
      put({ status: "saving" });
      put(
        await store(
          "false-wake",
          requestClip({ stream: detection.stream, ...falseWakeWindow(detection.timeSeconds) }),
        ),
      );
    },
    [requestClip, store],
  );

  const markMissed = useCallback(async () => {
    setMissed({ status: "saving" });
    setMissed(await store("missed", requestClip({ latestSeconds: CORRECTION_CLIP_SECONDS })));
  }, [requestClip, store]);

  return { falseWakes, missed, markFalseWake, markMissed };
}
