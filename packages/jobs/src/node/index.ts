// @wakeforge/jobs/node: the queue adapters that need Node (files, native modules, sockets). The
// main entry stays free of Node built-ins so that frontends can import it.
export { isRedisLocation, openQueue, type QueueOptions } from "./open-queue.js";
export { openRedisQueue, type RedisQueueOptions } from "./redis-queue.js";
export { openSqliteQueue, type SqliteQueueOptions } from "./sqlite-queue.js";
export {
  DEFAULT_QUEUE_FILE,
  describeQueueLocation,
  queueLocation,
  queueMayExist,
} from "./queue-location.js";
