import { useCallback, useEffect, useRef, useState } from "react";
import type { BackendChoice, BackendReport } from "@wakeforge/core";

export type BackendProbe =
  | { readonly status: "probing" }
  | { readonly status: "ready"; readonly report: BackendReport }
  | { readonly status: "failed"; readonly message: string };

export type ProbeBackend = (choice: BackendChoice) => Promise<BackendReport>;

/**
 * Runs `probeBackend` once `enabled` (the System screen was opened) and again on each
 * `reprobe()`. A re-probe while one runs is ignored: two probes would race to set TensorFlow.js's
 * one global backend.
 */
export function useBackendProbe(
  choice: BackendChoice,
  probeBackend: ProbeBackend,
  enabled = true,
): { readonly probe: BackendProbe; readonly reprobe: () => void } {
  const [probe, setProbe] = useState<BackendProbe>({ status: "probing" });
  const [round, setRound] = useState(0);

  useEffect(() => {
    if (!enabled) return;
    let mounted = true;
    setProbe({ status: "probing" });
    probeBackend(choice).then(
      (report) => {
        if (mounted) setProbe({ status: "ready", report });
      },
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        if (mounted) setProbe({ status: "failed", message });
      },
    );
    return () => {
      mounted = false;
    };
  }, [choice, probeBackend, round, enabled]);

  // Read the status through a ref: a key handler subscribed before the last render (Ink
  // re-subscribes after painting) must still see that the probe has finished.
  const status = useRef(probe.status);
  status.current = probe.status;
  const reprobe = useCallback(() => {
    if (status.current !== "probing") setRound((n) => n + 1);
  }, []);

  return { probe, reprobe };
}
