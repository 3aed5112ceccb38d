// The queue the dashboard submits to and watches: the one `wakeforge serve` and `wakeforge
// submit` would find from the same environment (WAKEFORGE_QUEUE, else queue.sqlite in the data
// directory; @wakeforge/jobs/node's queueLocation decides), opened once per server process.
import type { JobQueue } from "@wakeforge/jobs";
import type { DashboardEnv } from "../env";
import { loadEnv } from "../env";
import { loadJobsNode } from "./load-jobs-node";

export interface QueueTarget {
  readonly kind: "sqlite" | "redis";
  /** What `openQueue` and `wakeforge serve --queue` take. */
  readonly location: string;
  /** The location as it may be shown (no Redis password). */
  readonly described: string;
}

export async function queueTarget(env: DashboardEnv): Promise<QueueTarget> {
  const { queueLocation, isRedisLocation, describeQueueLocation } = await loadJobsNode();
  const location = queueLocation(undefined, { queue: env.queue, dataDir: env.dataDir });
  return {
    kind: isRedisLocation(location) ? "redis" : "sqlite",
    location,
    described: describeQueueLocation(location),
  };
}

// One connection per process, whatever route bundle asks (as lib/store/server-store.ts does).
const KEY = Symbol.for("wakeforge.dashboard.queue");
type Holder = { [KEY]?: Promise<{ queue: JobQueue; target: QueueTarget }> };

/** The server's queue and where it is; opened on first use. */
export function getQueue(): Promise<{ queue: JobQueue; target: QueueTarget }> {
  const holder = globalThis as Holder;
  const pending =
    holder[KEY] ??
    (async () => {
      const env = await loadEnv();
      const target = await queueTarget(env);
      const { openQueue } = await loadJobsNode();
      return { queue: await openQueue(target.location), target };
    })();
  holder[KEY] = pending;
  // A queue that could not open (Redis away) is tried again on the next request.
  pending.catch(() => {
    if (holder[KEY] === pending) delete holder[KEY];
  });
  return pending;
}
