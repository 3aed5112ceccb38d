// The server's embedded worker, one per process (see embedded-worker.ts), and the rule for when
// it runs: on the SQLite queue, whenever the queue holds work.
import type { JobQueue } from "@wakeforge/jobs";
import { loadEnv } from "../env";
import { EmbeddedWorker } from "./embedded-worker";
import { getQueue } from "./job-queue";
import { locateWakeforge } from "./locate-wakeforge";

const KEY = Symbol.for("wakeforge.dashboard.embedded-worker");
type Holder = { [KEY]?: Promise<EmbeddedWorker | null> };

/** The embedded worker on the SQLite queue; null on Redis, where workers run apart. */
export function getEmbeddedWorker(): Promise<EmbeddedWorker | null> {
  const holder = globalThis as Holder;
  holder[KEY] ??= (async () => {
    const [env, { target }] = await Promise.all([loadEnv(), getQueue()]);
    if (target.kind !== "sqlite") return null;
    return new EmbeddedWorker({
      env,
      queueLocation: target.location,
      locate: () => locateWakeforge(env),
    });
  })();
  return holder[KEY];
}

/** Starts the embedded worker when the queue has queued or running jobs for it to take. */
export async function startEmbeddedWorkerIfNeeded(queue: JobQueue): Promise<void> {
  const worker = await getEmbeddedWorker();
  if (!worker) return;
  const unfinished = await queue.list({ states: ["queued", "running"] });
  if (unfinished.length > 0) await worker.ensureRunning();
}
