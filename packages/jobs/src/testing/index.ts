// Tools for testing code that runs on a wakeforge queue: a throwaway redis-server.
export { redisServerMissing, startRedisServer, type RedisServer } from "./redis-server.js";
