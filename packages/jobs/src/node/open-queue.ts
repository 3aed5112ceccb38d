// One way for every frontend to open a queue from what a person types: a file path for the
// embedded SQLite queue, a redis:// URL for BullMQ on Redis.
import { JobQueueError } from "../errors.js";
import type { JobQueue } from "../queue.js";
import { openRedisQueue, type RedisQueueOptions } from "./redis-queue.js";
import { openSqliteQueue, type SqliteQueueOptions } from "./sqlite-queue.js";

/** Options for either adapter; each uses its own and `retryBackoff`, and ignores the rest. */
export type QueueOptions = SqliteQueueOptions & RedisQueueOptions;

/** True when `location` names a Redis server rather than a SQLite file. */
export function isRedisLocation(location: string): boolean {
  return /^rediss?:\/\//i.test(location);
}

/**
 * Opens the queue at `location`: `redis://HOST:PORT[/DB]` (or `rediss://` for TLS) or the path
 * of a SQLite file.
 */
export async function openQueue(location: string, options: QueueOptions = {}): Promise<JobQueue> {
  if (typeof location !== "string" || location.trim() === "") {
    throw new JobQueueError(
      "INVALID_QUEUE_ARGUMENT",
      "a queue location is required: a SQLite file path or redis://HOST:PORT",
    );
  }
  if (isRedisLocation(location)) {
    // The test clock and SQLite's busy timeout mean nothing to Redis; the rest is Redis's.
    const { now: _now, busyTimeoutMs: _busyTimeoutMs, ...redisOptions } = options;
    return openRedisQueue(location, redisOptions);
  }
  return openSqliteQueue(location, options);
}
