// The Jobs screen's view of a queue: its jobs, read again every second, while the screen is open.
import type { JobQueue, QueuedJobRecord } from "@wakeforge/jobs";
import { describeQueueLocation, openQueue, queueMayExist } from "@wakeforge/jobs/node";

export type QueueSnapshot =
  | { readonly status: "opening" }
  | { readonly status: "absent"; readonly message: string }
  | { readonly status: "ready"; readonly jobs: readonly QueuedJobRecord[]; readonly atMs: number }
  | { readonly status: "failed"; readonly message: string };

export interface QueueWatch {
  cancel(id: string): Promise<QueuedJobRecord>;
  close(): Promise<void>;
}

/** Opens the queue at `location` and reports its jobs every `intervalMs` until closed. */
export function watchQueue(
  location: string,
  onSnapshot: (snapshot: QueueSnapshot) => void,
  intervalMs = 1000,
): QueueWatch {
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let queue: JobQueue | undefined;
  const where = describeQueueLocation(location);

  const refresh = async (): Promise<void> => {
    if (closed) return;
    try {
      if (!queue) {
        if (!queueMayExist(location)) {
          onSnapshot({
            status: "absent",
            message: `no queue at ${where} yet: nothing was submitted there`,
          });
          return;
        }
        queue = await openQueue(location);
        if (closed) return void (await queue.close());
      }
      const jobs = await queue.list();
      if (!closed) onSnapshot({ status: "ready", jobs, atMs: Date.now() });
    } catch (error) {
      if (!closed)
        onSnapshot({ status: "failed", message: `${where}: ${(error as Error).message}` });
    }
  };
  const loop = async () => {
    await refresh();
    if (!closed) timer = setTimeout(() => void loop(), intervalMs);
  };
  void loop();

  return {
    async cancel(id) {
      if (!queue) throw new Error(`the queue at ${where} is not open`);
      const record = await queue.cancel(id);
      await refresh();
      return record;
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      await queue?.close();
    },
  };
}
