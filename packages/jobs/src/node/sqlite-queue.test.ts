import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { JobQueue } from "../queue.js";
import { openSqliteQueue, type SqliteQueueOptions } from "./sqlite-queue.js";
import { describeQueueContract, expectTakenOver, trainSpec } from "./test-queue-contract.js";

const START_MS = 1_700_000_000_000;

/**
 * SQLite handles on one file in a fresh folder, on a test clock that moves only when told:
 * its own, or `clock` when the test keeps one.
 */
function sqliteHarness(clock?: () => number) {
  const dir = mkdtempSync(join(tmpdir(), "wakeforge-queue-"));
  const queues: JobQueue[] = [];
  let ownClockMs = START_MS;
  const now = clock ?? (() => ownClockMs);
  return {
    async open(options: SqliteQueueOptions = {}) {
      const queue = openSqliteQueue(join(dir, "nested", "queue.sqlite"), { now, ...options });
      queues.push(queue);
      return queue;
    },
    now,
    async advance(ms: number) {
      ownClockMs += ms;
    },
    async cleanup() {
      for (const queue of queues) await queue.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describeQueueContract("SQLite", async () => sqliteHarness());

// The cases that depend on the clock, exact to the millisecond on the test clock.
describe("openSqliteQueue on its clock", () => {
  let harness: ReturnType<typeof sqliteHarness>;
  /** The test's clock: moves only when a test moves it. */
  let clockMs: number;
  const open = (options: SqliteQueueOptions = {}) => harness.open(options);

  beforeEach(() => {
    clockMs = START_MS;
    harness = sqliteHarness(() => clockMs);
  });

  afterEach(async () => {
    await harness.cleanup();
  });

  it("retries a failed job after an exponential backoff, then fails it for good", async () => {
    const queue = await open({ retryBackoff: { baseMs: 1000, maxMs: 1500 } });
    const { id } = await queue.submit(trainSpec());
    const lease = { leaseMs: 10_000 };
    const failure = { message: "out of memory", code: "OOM" };

    const first = await queue.claim("w", lease);
    const retried = await first?.fail(failure);
    expect(retried).toMatchObject({
      state: "queued",
      attempts: 1,
      error: failure,
      notBeforeMs: clockMs + 1000,
    });
    expect(retried?.leaseUntilMs).toBeUndefined();

    // Not before the backoff has passed.
    clockMs += 999;
    expect(await queue.claim("w", lease)).toBeUndefined();
    clockMs += 1;
    const second = await queue.claim("w", lease);
    expect(second?.record).toMatchObject({ id, attempts: 2 });
    // 2 s after the second failure, capped at 1.5 s.
    expect(await second?.fail(failure)).toMatchObject({
      state: "queued",
      notBeforeMs: clockMs + 1500,
    });

    clockMs += 1500;
    const third = await queue.claim("w", lease);
    expect(third?.record.attempts).toBe(3);
    expect(await third?.fail(failure)).toMatchObject({
      state: "failed",
      attempts: 3,
      error: failure,
    });
    clockMs += 60_000;
    expect(await queue.claim("w", lease)).toBeUndefined();
  });

  it("takes back a job whose lease expired and gives it to another worker", async () => {
    const queue = await open();
    const { id } = await queue.submit(trainSpec());
    const lost = await queue.claim("worker-a", { leaseMs: 1000 });
    clockMs += 800;
    await lost?.heartbeat(0.4); // the lease now runs to +1800

    clockMs += 900;
    expect(await queue.recoverStalled()).toEqual([]);
    clockMs += 200;
    const recovered = await queue.recoverStalled();
    expect(recovered).toMatchObject([
      { id, state: "queued", attempts: 1, progress: 0, error: { code: "LEASE_EXPIRED" } },
    ]);
    expect(recovered[0]?.error?.message).toMatch(/worker-a/);

    const taken = await queue.claim("worker-b", { leaseMs: 1000 });
    expect(taken?.record).toMatchObject({ id, worker: "worker-b", attempts: 2 });

    await expectTakenOver(id, lost, taken);
  });

  it("recovers stalled jobs on every claim, failing those out of attempts", async () => {
    const queue = await open();
    const once = await queue.submit(trainSpec(), { id: "once", maxAttempts: 1 });
    const cancelled = await queue.submit(trainSpec(), { id: "cancelled" });
    const crashed = await queue.claim("dead-1", { leaseMs: 1000 });
    const dying = await queue.claim("dead-2", { leaseMs: 1000 });
    expect([crashed?.record.id, dying?.record.id]).toEqual([once.id, cancelled.id]);
    await queue.cancel(cancelled.id);

    clockMs += 1001;
    expect(await queue.claim("alive", { leaseMs: 1000 })).toBeUndefined();
    expect(await queue.get("once")).toMatchObject({
      state: "failed",
      attempts: 1,
      error: { code: "LEASE_EXPIRED" },
    });
    // A job cancelled while its worker died is not run again.
    expect(await queue.get("cancelled")).toMatchObject({ state: "cancelled" });
    await expect(crashed?.heartbeat()).rejects.toThrow(/it is failed now/);
  });
});
