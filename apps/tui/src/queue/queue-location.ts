// Which queue the Jobs screen shows: --queue, else WAKEFORGE_QUEUE, else the SQLite file in the
// data directory: the same rule as the worker's job commands, so both look at one queue.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { isRedisLocation } from "@wakeforge/jobs/node";

export function queueLocation(
  flag: string | undefined,
  env: { readonly queue: string | undefined; readonly dataDir: string },
): string {
  const given = flag?.trim() || env.queue;
  if (given === undefined) return join(env.dataDir, "queue.sqlite");
  return isRedisLocation(given) ? given : resolve(given);
}

/** False for a SQLite file that is not there: nothing was ever submitted to it. */
export function queueMayExist(location: string): boolean {
  return isRedisLocation(location) || existsSync(location);
}

/** The location as it may be shown: a Redis URL without its password. */
export function describeQueueLocation(location: string): string {
  if (!isRedisLocation(location)) return location;
  try {
    const url = new URL(location);
    if (url.password) url.password = "***";
    return url.toString();
  } catch {
    return location;
  }
}
