// Which queue a frontend talks to (the worker's job commands, the TUI): --queue, else WAKEFORGE_QUEUE, else the SQLite file in the
// data directory, so that `wakeforge serve` and `wakeforge submit` on one machine meet without
// being told where.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { isRedisLocation } from "./open-queue.js";

export const DEFAULT_QUEUE_FILE = "queue.sqlite";

export function queueLocation(
  flag: string | undefined,
  env: { readonly queue: string | undefined; readonly dataDir: string },
): string {
  const given = flag?.trim() || env.queue;
  if (given === undefined) return join(env.dataDir, DEFAULT_QUEUE_FILE);
  // A relative SQLite path is the caller's; the queue records nothing that depends on it.
  return isRedisLocation(given) ? given : resolve(given);
}

/**
 * False for a SQLite file that is not there: reading commands say so instead of creating an
 * empty queue where a typo pointed. A Redis server is asked by opening it.
 */
export function queueMayExist(location: string): boolean {
  return isRedisLocation(location) || existsSync(location);
}

/** The location as it may be printed: a Redis URL without its password. */
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
