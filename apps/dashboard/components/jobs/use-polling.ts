"use client";

import { useEffect, useRef } from "react";

/**
 * Calls `poll` every `intervalMs` while `active`, one call at a time (the next waits for the
 * previous to settle), and stops on unmount.
 */
export function usePolling(poll: () => Promise<void>, intervalMs: number, active: boolean): void {
  const latest = useRef(poll);
  useEffect(() => {
    latest.current = poll;
  }, [poll]);
  useEffect(() => {
    if (!active) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      await latest.current().catch(() => undefined);
      if (!stopped) timer = setTimeout(() => void tick(), intervalMs);
    };
    timer = setTimeout(() => void tick(), intervalMs);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [active, intervalMs]);
}
