import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { JobQueueError, JobSpecError, LeaseLostError } from "../errors.js";
import type { JobSpecInput } from "../job-spec.js";
import type { JobQueue } from "../queue.js";
import { openSqliteQueue, type SqliteQueueOptions } from "./sqlite-queue.js";

const trainSpec = (word = "hey nova"): JobSpecInput => ({
  kind: "train",
  word,
  synth: 10,
  epochs: 4,
  out: "models/hey-nova",
});

let dir: string;
let queues: JobQueue[];
/** The test's clock: moves only when a test moves it. */
let clockMs: number;

function open(options: SqliteQueueOptions = {}): JobQueue {
  const queue = openSqliteQueue(join(dir, "nested", "queue.sqlite"), {
    now: () => clockMs,
    ...options,
  });
  queues.push(queue);
  return queue;
}

/** Resolves to the error `promise` rejects with; fails the test when it resolves. */
async function rejection(promise: Promise<unknown>): Promise<JobQueueError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(JobQueueError);
  return error as JobQueueError;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "wakeforge-queue-"));
  queues = [];
  clockMs = 1_700_000_000_000;
});

afterEach(async () => {
  for (const queue of queues) await queue.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("openSqliteQueue", () => {
  it("submits, claims and completes a job, visible to every handle on the file", async () => {
    const queue = open();
    const submitted = await queue.submit(trainSpec());
    expect(submitted).toMatchObject({
      state: "queued",
      progress: 0,
      attempts: 0,
      maxAttempts: 3,
      cancelRequested: false,
      createdAtMs: clockMs,
    });
    // Defaults applied at submit: the stored spec is the one the worker will run.
    expect(submitted.spec).toMatchObject({ version: 1, base: "speech-embedding", seed: 0 });
    expect(submitted.id).toMatch(/^[0-9a-f-]{36}$/);

    // A second handle on the same file (another process would do the same) claims it.
    const worker = open();
    clockMs += 10;
    const job = await worker.claim("worker-1", { leaseMs: 1000, backend: "cpu" });
    expect(job?.record).toMatchObject({
      id: submitted.id,
      state: "running",
      worker: "worker-1",
      backend: "cpu",
      attempts: 1,
      leaseUntilMs: clockMs + 1000,
    });
    expect(await worker.claim("worker-2", { leaseMs: 1000 })).toBeUndefined();

    clockMs += 100;
    expect(await job?.heartbeat(0.5)).toEqual({ cancelRequested: false });
    expect(await queue.get(submitted.id)).toMatchObject({
      progress: 0.5,
      leaseUntilMs: clockMs + 1000,
    });

    const done = await job?.complete({ artifactsDir: "models/hey-nova" });
    expect(done).toMatchObject({
      state: "completed",
      progress: 1,
      result: { artifactsDir: "models/hey-nova" },
    });
    expect(await queue.get(submitted.id)).toEqual(done);
    expect(await queue.get("no-such-job")).toBeUndefined();
  });

  it("lists jobs oldest first, filtered by state", async () => {
    const queue = open();
    const first = await queue.submit(trainSpec("hey one"));
    const second = await queue.submit(trainSpec("hey two"), { id: "job-two" });
    const third = await queue.submit(trainSpec("hey three"));
    expect(second.id).toBe("job-two");
    await queue.claim("w", { leaseMs: 1000 });
    await queue.cancel(third.id);

    const ids = async (states?: ("queued" | "running" | "cancelled")[]) =>
      (await queue.list(states ? { states } : undefined)).map((job) => job.id);
    expect(await ids()).toEqual([first.id, second.id, third.id]);
    expect(await ids(["running"])).toEqual([first.id]);
    expect(await ids(["queued", "cancelled"])).toEqual([second.id, third.id]);
    expect(await ids([])).toEqual([]);
  });

  it("rejects a malformed spec at submit with the reason, storing nothing", async () => {
    const queue = open();
    const malformed = { kind: "train", word: "hey nova", out: "m", synth: 5, epoch: 3 };
    const error = await queue.submit(malformed as unknown as JobSpecInput).catch((e) => e);
    expect(error).toBeInstanceOf(JobSpecError);
    expect((error as JobSpecError).message).toMatch(/epoch: .*did you mean "epochs"/);
    const noWord = { kind: "train", out: "m", synth: 5 } as unknown as JobSpecInput;
    await expect(queue.submit(noWord)).rejects.toThrow(/word: is required/);
    expect(await queue.list()).toEqual([]);
  });

  it("cancels a queued job at once and flags a running one for its worker", async () => {
    const queue = open();
    const waiting = await queue.submit(trainSpec(), { id: "waiting" });
    const cancelled = await queue.cancel(waiting.id);
    expect(cancelled).toMatchObject({ state: "cancelled", cancelRequested: true });
    expect(await queue.claim("w", { leaseMs: 1000 })).toBeUndefined();

    await queue.submit(trainSpec(), { id: "busy" });
    const job = await queue.claim("w", { leaseMs: 1000 });
    expect(await job?.heartbeat(0.2)).toEqual({ cancelRequested: false });
    // Stopping a job is the worker's to do: the job runs until the worker acknowledges.
    expect(await queue.cancel("busy")).toMatchObject({ state: "running", cancelRequested: true });
    expect(await queue.cancel("busy")).toMatchObject({ state: "running", cancelRequested: true });
    expect(await job?.heartbeat(0.3)).toEqual({ cancelRequested: true });
    expect(await job?.acknowledgeCancel()).toMatchObject({ state: "cancelled", progress: 0.3 });

    // Releasing a cancelled job ends it too (a worker shutting down does not requeue it).
    await queue.submit(trainSpec(), { id: "shutdown" });
    const other = await queue.claim("w", { leaseMs: 1000 });
    await queue.cancel("shutdown");
    expect(await other?.release()).toMatchObject({ state: "cancelled" });
  });

  it("refuses to acknowledge a cancel nobody asked for", async () => {
    const queue = open();
    await queue.submit(trainSpec());
    const job = await queue.claim("w", { leaseMs: 1000 });
    const error = await rejection(job?.acknowledgeCancel() ?? Promise.resolve());
    expect(error.code).toBe("CANCEL_NOT_REQUESTED");
  });

  it("retries a failed job after an exponential backoff, then fails it for good", async () => {
    const queue = open({ retryBackoff: { baseMs: 1000, maxMs: 1500 } });
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

  it("fails a job at once when the worker says a retry cannot help", async () => {
    const queue = open();
    await queue.submit(trainSpec(), { maxAttempts: 5 });
    const job = await queue.claim("w", { leaseMs: 1000 });
    const failure = { message: "no such directory: positives/", code: "INPUT_MISSING" };
    expect(await job?.fail(failure, { retry: false })).toMatchObject({
      state: "failed",
      attempts: 1,
      error: failure,
    });
  });

  it("releases a job back to the queue without counting the run", async () => {
    const queue = open();
    const { id } = await queue.submit(trainSpec());
    const job = await queue.claim("w1", { leaseMs: 1000 });
    await job?.heartbeat(0.6);
    expect(await job?.release()).toMatchObject({ id, state: "queued", attempts: 0, progress: 0 });
    const again = await queue.claim("w2", { leaseMs: 1000 });
    expect(again?.record).toMatchObject({ id, worker: "w2", attempts: 1 });
    // The old handle no longer holds the job.
    await expect(job?.heartbeat()).rejects.toBeInstanceOf(LeaseLostError);
  });

  it("takes back a job whose lease expired and gives it to another worker", async () => {
    const queue = open();
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

    // The old holder learns on its next call, whatever the call.
    const lostError = await rejection(lost?.heartbeat(0.5) ?? Promise.resolve());
    expect(lostError).toBeInstanceOf(LeaseLostError);
    expect(lostError).toMatchObject({ code: "LEASE_LOST", jobId: id });
    expect(lostError.message).toMatch(/worker-b runs it now/);
    await expect(lost?.complete({ artifactsDir: "x" })).rejects.toBeInstanceOf(LeaseLostError);
    await expect(lost?.fail({ message: "m", code: "c" })).rejects.toBeInstanceOf(LeaseLostError);
    await expect(lost?.release()).rejects.toBeInstanceOf(LeaseLostError);

    expect(await taken?.complete({ artifactsDir: "out" })).toMatchObject({
      state: "completed",
      worker: "worker-b",
      attempts: 2,
    });
  });

  it("recovers stalled jobs on every claim, failing those out of attempts", async () => {
    const queue = open();
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

  it("rejects moves the job state machine forbids", async () => {
    const queue = open();
    const { id } = await queue.submit(trainSpec());
    const job = await queue.claim("w", { leaseMs: 1000 });
    await job?.complete({ artifactsDir: "out" });

    const cancelDone = await rejection(queue.cancel(id));
    expect(cancelDone).toMatchObject({ code: "ILLEGAL_TRANSITION", jobId: id });
    expect(cancelDone.message).toMatch(/is completed; a completed job cannot become cancelled/);

    for (const act of [
      () => job?.complete({ artifactsDir: "again" }),
      () => job?.fail({ message: "late", code: "LATE" }),
      () => job?.release(),
      () => job?.heartbeat(),
    ]) {
      const error = await rejection(act() ?? Promise.resolve());
      expect(error.code).toBe("JOB_NOT_RUNNING");
      expect(error.message).toMatch(/it is completed/);
    }

    const failing = await queue.submit(trainSpec(), { maxAttempts: 1 });
    await (await queue.claim("w", { leaseMs: 1000 }))?.fail({ message: "m", code: "c" });
    expect((await rejection(queue.cancel(failing.id))).message).toMatch(/is failed/);

    const cancelled = await queue.submit(trainSpec());
    await queue.cancel(cancelled.id);
    expect((await rejection(queue.cancel(cancelled.id))).message).toMatch(/is cancelled/);
    expect(await queue.get(id)).toMatchObject({ state: "completed" });
  });

  it("reports unknown jobs, duplicate ids, bad arguments and use after close", async () => {
    const queue = open();
    expect((await rejection(queue.cancel("missing"))).code).toBe("JOB_NOT_FOUND");
    await queue.submit(trainSpec(), { id: "same" });
    expect((await rejection(queue.submit(trainSpec(), { id: "same" }))).code).toBe(
      "DUPLICATE_JOB_ID",
    );
    expect((await rejection(queue.submit(trainSpec(), { maxAttempts: 0 }))).code).toBe(
      "INVALID_QUEUE_ARGUMENT",
    );
    expect((await rejection(queue.claim("w", { leaseMs: 0 }))).message).toMatch(/leaseMs/);
    expect((await rejection(queue.claim(" ", { leaseMs: 10 }))).message).toMatch(/workerId/);
    const job = await queue.claim("w", { leaseMs: 1000 });
    expect((await rejection(job?.heartbeat(1.5) ?? Promise.resolve())).message).toMatch(
      /progress must be a number between 0 and 1, got 1.5/,
    );
    expect(await queue.list()).toHaveLength(1);

    await queue.close();
    await queue.close();
    expect((await rejection(queue.list())).code).toBe("QUEUE_CLOSED");
    expect((await rejection(queue.submit(trainSpec()))).code).toBe("QUEUE_CLOSED");
  });
});
