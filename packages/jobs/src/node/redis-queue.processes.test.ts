// Several real worker processes on one Redis queue: the scenarios of every adapter (crash,
// shutdown, contention; test-queue-processes.ts), and Redis restarting under running workers.
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openRedisQueue } from "./redis-queue.js";
import {
  LEASE_MS,
  describeWorkerProcesses,
  readArtifact,
  workerSpec,
} from "./test-queue-processes.js";
import { redisServerMissing, startRedisServer, type RedisServer } from "../testing/redis-server.js";

if (redisServerMissing) console.warn(redisServerMissing);

describe.skipIf(redisServerMissing)("Redis queue processes", () => {
  let server: RedisServer;
  let queueCount = 0;

  beforeAll(async () => {
    server = await startRedisServer();
  });

  afterAll(async () => {
    await server?.close();
  });

  describeWorkerProcesses(
    "Redis",
    async () => {
      // A queue per test; stall checks often enough that a dead worker's job moves within ~0.5 s.
      const options = { queueName: `processes-${++queueCount}`, stalledCheckIntervalMs: 200 };
      return { location: server.url, options, queue: await openRedisQueue(server.url, options) };
    },
    (context) => {
      it("loses nothing when Redis restarts under running workers", async () => {
        const { dir, queue, startWorker, waitForJob, stop, completedLog } = context();
        const ids: string[] = [];
        for (let n = 0; n < 8; n++) {
          ids.push((await queue.submit(workerSpec(join(dir, `out-${n}`), 10))).id);
        }
        const three = ["w1", "w2", "w3"].map((id) => startWorker(id));
        for (const id of ids.slice(0, 2)) {
          await waitForJob(id, (j) => j.state === "running" && j.progress > 0, "running");
        }

        // Down for longer than a lease: workers wait, then either renew or lose their jobs.
        await server.stop();
        await sleep(LEASE_MS + 200);
        await server.start();

        for (const id of ids) await waitForJob(id, (j) => j.state === "completed", "completed");
        for (const worker of three) expect(await stop(worker)).toEqual({ code: 0, signal: null });

        const lines = completedLog();
        expect([...lines].sort()).toEqual([...ids].sort());
        const jobs = await queue.list();
        expect(jobs.map((job) => job.state)).toEqual(Array(8).fill("completed"));
        for (const [n, id] of ids.entries()) {
          const job = jobs.find((j) => j.id === id);
          expect(readArtifact(join(dir, `out-${n}`))).toEqual({
            jobId: id,
            steps: 10,
            worker: job?.worker,
          });
        }
      });
    },
  );
});
