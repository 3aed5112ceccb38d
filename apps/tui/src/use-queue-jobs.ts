import { useEffect, useRef, useState } from "react";
import type { QueueSnapshot, QueueWatch } from "./queue/watch-queue.js";
import type { TuiServices } from "./services.js";

/** The queue's jobs, refreshed while the screen that asks is open; and a way to cancel one. */
export function useQueueJobs(
  watch: TuiServices["watchQueue"],
  location: string,
): { readonly snapshot: QueueSnapshot; cancel(id: string): Promise<string> } {
  const [snapshot, setSnapshot] = useState<QueueSnapshot>({ status: "opening" });
  const watcher = useRef<QueueWatch | undefined>(undefined);
  useEffect(() => {
    const opened = watch(location, setSnapshot);
    watcher.current = opened;
    return () => {
      watcher.current = undefined;
      void opened.close();
    };
  }, [watch, location]);
  return {
    snapshot,
    async cancel(id) {
      if (!watcher.current) return "the queue is not open";
      try {
        const record = await watcher.current.cancel(id);
        return record.state === "cancelled"
          ? `cancelled job ${id}`
          : `asked the worker to stop job ${id}; it ends cancelled at its next heartbeat`;
      } catch (error) {
        return (error as Error).message;
      }
    },
  };
}
