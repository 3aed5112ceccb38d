// One way for every frontend to open a queue from what a person types: a file path for the
// embedded SQLite queue, a redis:// URL for BullMQ on Redis.
import { JobQueueError } from "../errors.js";
import type { JobQueue } from "../queue.js";
import { openSqliteQueue, type SqliteQueueOptions } from "./sqlite-queue.js";

export type QueueOptions = SqliteQueueOptions;

/** True when `location` names a Redis server rather than a SQLite file. */
export function isRedisLocation(location: string): boolean {
  return /^rediss?:\/\//i.test(location);
}

/** Opens the queue at `location`: `redis://HOST:PORT[/DB]` or the path of a SQLite file. */
export async function openQueue(location: string, options: QueueOptions = {}): Promise<JobQueue> {
  if (typeof location !== "string" || location.trim() === "") {
    throw new JobQueueError(
      "INVALID_QUEUE_ARGUMENT",
      "a queue location is required: a SQLite file path or redis://HOST:PORT",
    );
  }
  if (isRedisLocation(location)) {
    throw new JobQueueError(
      "INVALID_QUEUE_ARGUMENT",
      `${location}: the Redis queue is not in this build yet`,
    );
  }
  return openSqliteQueue(location, options);
}
