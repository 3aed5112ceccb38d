// The Redis adapter against a real redis-server (started by the tests on a free port). Time is
// real here: leases and backoffs are a few hundred milliseconds, stall checks 100 ms apart.
import { setTimeout as sleep } from "node:timers/promises";
import { Queue } from "bullmq";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { JobQueue, QueuedJobRecord } from "../queue.js";
import { openQueue } from "./open-queue.js";
import { openRedisQueue, type RedisQueueOptions } from "./redis-queue.js";
import {
  describeQueueContract,
  expectTakenOver,
  rejection,
  trainSpec,
} from "./test-queue-contract.js";
import { redisServerMissing, startRedisServer, type RedisServer } from "../testing/redis-server.js";

const STALLED_CHECK_MS = 100;

if (redisServerMissing) console.warn(redisServerMissing);

let server: RedisServer;
let queueCount = 0;

/** Handles on a queue of its own (a fresh name) on the test server. */
function redisHarness() {
  const queueName = `test-${process.pid}-${++queueCount}`;
  const queues: JobQueue[] = [];
  return {
    queueName,
    async open(options: RedisQueueOptions = {}) {
      const queue = await openRedisQueue(server.url, {
        queueName,
        stalledCheckIntervalMs: STALLED_CHECK_MS,
        ...options,
      });
      queues.push(queue);
      return queue;
    },
    now: () => Date.now(),
    advance: (ms: number) => sleep(ms),
    async cleanup() {
      for (const queue of queues) await queue.close();
    },
  };
}

/** Calls `recoverStalled` until it returns something: BullMQ's stall check needs two passes. */
async function recoverStalled(queue: JobQueue, timeoutMs = 5_000): Promise<QueuedJobRecord[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const recovered = await queue.recoverStalled();
    if (recovered.length > 0 || Date.now() > deadline) return recovered;
    await sleep(STALLED_CHECK_MS / 2);
  }
}

describe.skipIf(redisServerMissing)("openRedisQueue", () => {
  beforeAll(async () => {
    server = await startRedisServer();
  });

  afterAll(async () => {
    await server?.close();
  });

  describeQueueContract("Redis", async () => redisHarness());

  describe("on real time", () => {
    let harness: ReturnType<typeof redisHarness>;

    beforeEach(() => {
      harness = redisHarness();
    });

    afterEach(async () => {
      await harness.cleanup();
    });

    it("retries a failed job after an exponential backoff, then fails it for good", async () => {
      const queue = await harness.open({ retryBackoff: { baseMs: 300, maxMs: 450 } });
      const { id } = await queue.submit(trainSpec());
      const lease = { leaseMs: 10_000 };
      const failure = { message: "out of memory", code: "OOM" };

      const first = await queue.claim("w", lease);
      const failedAt = Date.now();
      const retried = await first?.fail(failure);
      expect(retried).toMatchObject({ state: "queued", attempts: 1, error: failure });
      expect(retried?.notBeforeMs).toBeGreaterThanOrEqual(failedAt + 300);
      expect(retried?.notBeforeMs).toBeLessThanOrEqual(Date.now() + 300);

      // Not before the backoff has passed.
      expect(await queue.claim("w", lease)).toBeUndefined();
      await sleep((retried?.notBeforeMs ?? 0) - Date.now() + 5);
      const second = await queue.claim("w", lease);
      expect(second?.record).toMatchObject({ id, attempts: 2, error: failure });
      // 600 ms after the second failure, capped at 450 ms.
      const again = await second?.fail(failure);
      expect(again?.state).toBe("queued");
      expect((again?.notBeforeMs ?? 0) - (again?.updatedAtMs ?? 0)).toBe(450);

      await sleep((again?.notBeforeMs ?? 0) - Date.now() + 5);
      const third = await queue.claim("w", lease);
      expect(third?.record.attempts).toBe(3);
      expect(await third?.fail(failure)).toMatchObject({
        state: "failed",
        attempts: 3,
        error: failure,
      });
      expect(await queue.claim("w", lease)).toBeUndefined();
    });

    it("takes back a job whose lease expired and gives it to another worker", async () => {
      const queue = await harness.open();
      const { id } = await queue.submit(trainSpec());
      const lost = await queue.claim("worker-a", { leaseMs: 400 });
      await lost?.heartbeat(0.4);
      expect(await queue.recoverStalled()).toEqual([]);

      await sleep(400);
      const recovered = await recoverStalled(queue);
      expect(recovered).toMatchObject([
        { id, state: "queued", attempts: 1, progress: 0, error: { code: "LEASE_EXPIRED" } },
      ]);
      expect(recovered[0]?.error?.message).toMatch(/worker worker-a stopped renewing its lease/);

      const taken = await queue.claim("worker-b", { leaseMs: 5_000 });
      expect(taken?.record).toMatchObject({
        id,
        worker: "worker-b",
        attempts: 2,
        progress: 0,
        error: { code: "LEASE_EXPIRED" },
      });

      await expectTakenOver(id, lost, taken);
    });

    it("keeps a lease that ran out until the job is taken back, as SQLite does", async () => {
      const queue = await harness.open();
      await queue.submit(trainSpec());
      const late = await queue.claim("slow", { leaseMs: 150 });
      await sleep(250); // the lock expired, but no stall check has moved the job yet
      expect(await late?.heartbeat(0.5)).toEqual({ cancelRequested: false });
      expect(await late?.complete({ artifactsDir: "out" })).toMatchObject({ state: "completed" });
    });

    it("recovers stalled jobs on claims, failing those out of attempts", async () => {
      const queue = await harness.open();
      const once = await queue.submit(trainSpec(), { id: "once", maxAttempts: 1 });
      const cancelled = await queue.submit(trainSpec(), { id: "cancelled" });
      const crashed = await queue.claim("dead-1", { leaseMs: 300 });
      const dying = await queue.claim("dead-2", { leaseMs: 300 });
      expect([crashed?.record.id, dying?.record.id]).toEqual([once.id, cancelled.id]);
      await queue.cancel(cancelled.id);

      // Claims run the stall check: the first after the locks expired marks, a later one moves.
      await sleep(300);
      const deadline = Date.now() + 5_000;
      while ((await queue.get("once"))?.state === "running" && Date.now() < deadline) {
        expect(await queue.claim("alive", { leaseMs: 1000 })).toBeUndefined();
        await sleep(STALLED_CHECK_MS / 2);
      }
      expect(await queue.get("once")).toMatchObject({
        state: "failed",
        attempts: 1,
        error: { code: "LEASE_EXPIRED" },
      });
      // A job cancelled while its worker died is not run again.
      expect(await queue.get("cancelled")).toMatchObject({ state: "cancelled" });
      await expect(crashed?.heartbeat()).rejects.toThrow(/it is failed now/);
      // The next claim takes both out of BullMQ's queue for good, running neither.
      expect(await queue.claim("alive", { leaseMs: 1000 })).toBeUndefined();
      expect(await queue.list()).toMatchObject([
        { id: "once", state: "failed", attempts: 1, error: { code: "LEASE_EXPIRED" } },
        { id: "cancelled", state: "cancelled", attempts: 1 },
      ]);
    });

    it("keeps jobs as BullMQ jobs, in the BullMQ states that match", async () => {
      const queue = await harness.open();
      const waiting = await queue.submit(trainSpec(), { id: "waiting" });
      await queue.submit(trainSpec(), { id: "done" });
      const bull = new Queue(harness.queueName, {
        connection: { host: "127.0.0.1", port: server.port },
      });
      try {
        const job = await queue.claim("w", { leaseMs: 1000 });
        expect(await bull.getJobState("waiting")).toBe("active");
        await job?.complete({ artifactsDir: "out" });
        expect(await bull.getJobState("waiting")).toBe("completed");
        expect((await bull.getJob("waiting"))?.returnvalue).toEqual({ artifactsDir: "out" });
        expect(await bull.getJobState("done")).toBe("waiting");
        expect((await bull.getJob("done"))?.data).toMatchObject({ spec: waiting.spec });
      } finally {
        await bull.close();
      }
    });

    it("opens through openQueue for redis:// locations and says when nothing answers", async () => {
      const queue = await openQueue(server.url, { queueName: harness.queueName });
      try {
        expect(await queue.list()).toEqual([]);
      } finally {
        await queue.close();
      }
      // A port nobody listens on: the error names the location, without the password.
      const nobody = `redis://:secret@127.0.0.1:${server.port === 1 ? 2 : 1}`;
      const error = await rejection(openRedisQueue(nobody, { connectTimeoutMs: 300 }));
      expect(error.code).toBe("INVALID_QUEUE_ARGUMENT");
      expect(error.message).toMatch(/redis:\/\/127\.0\.0\.1:1: no Redis server answered/);
    });

    it("survives a Redis restart: connections come back and nothing is lost", async () => {
      const queue = await harness.open();
      await queue.submit(trainSpec(), { id: "before" });
      const job = await queue.claim("w", { leaseMs: 5_000 });
      await job?.heartbeat(0.25);

      await server.stop();
      // Calls wait for the server instead of failing.
      const heartbeat = job?.heartbeat(0.5);
      await sleep(200);
      await server.start();
      expect(await heartbeat).toEqual({ cancelRequested: false });

      await queue.submit(trainSpec(), { id: "after" });
      expect(await queue.get("before")).toMatchObject({ state: "running", progress: 0.5 });
      expect(await job?.complete({ artifactsDir: "out" })).toMatchObject({ state: "completed" });
      const next = await queue.claim("w", { leaseMs: 5_000 });
      expect(next?.record.id).toBe("after");
    });
  });
});
