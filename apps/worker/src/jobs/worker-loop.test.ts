import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { JobQueue } from "@wakeforge/jobs";
import { openSqliteQueue } from "@wakeforge/jobs/node";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { JobContext } from "./job-context.js";
import { runWorkerLoop } from "./worker-loop.js";

let dir: string;
let queue: JobQueue;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "wakeforge-worker-loop-"));
  queue = openSqliteQueue(join(dir, "queue.sqlite"));
});
afterEach(async () => {
  await queue.close();
  rmSync(dir, { recursive: true, force: true });
});

const spec = (n: number) => ({
  kind: "train" as const,
  word: "hey nova",
  synth: 1,
  out: `/m/${n}`,
});

describe("the worker loop", () => {
  it("runs up to --concurrency jobs at once and, when stopped, hands the running ones back", async () => {
    for (let n = 0; n < 4; n++) await queue.submit(spec(n), { id: `job-${n}` });
    const stop = new AbortController();
    let running = 0;
    let most = 0;
    const loop = runWorkerLoop({
      queue,
      stop: stop.signal,
      workerId: "w",
      backend: "cpu",
      dataDir: dir,
      leaseMs: 10_000,
      heartbeatMs: 50,
      concurrency: 2,
      pollMs: 20,
      say: () => {},
      // The first two jobs finish quickly; the others run until the worker stops them.
      run: async (job, context: JobContext) => {
        running += 1;
        most = Math.max(most, running);
        try {
          if (job.kind === "train" && (job.out === "/m/0" || job.out === "/m/1")) {
            await new Promise((resolve) => setTimeout(resolve, 100));
            return { artifactsDir: job.out };
          }
          await new Promise((_resolve, reject) =>
            context.signal.addEventListener("abort", () => reject(context.signal.reason)),
          );
          return { artifactsDir: "never" };
        } finally {
          running -= 1;
        }
      },
    });
    const held = async () =>
      (await queue.list({ states: ["running"] })).map((job) => job.id).sort();
    for (let i = 0; i < 250 && (await held()).join() !== "job-2,job-3"; i++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    stop.abort();
    await loop;
    expect(most).toBe(2);
    const states = Object.fromEntries((await queue.list()).map((job) => [job.id, job.state]));
    expect(states).toEqual({
      "job-0": "completed",
      "job-1": "completed",
      "job-2": "queued",
      "job-3": "queued",
    });
  });
});
