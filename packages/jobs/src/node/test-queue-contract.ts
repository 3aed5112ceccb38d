// For tests: what every JobQueue adapter does, the same on SQLite and on Redis. Each adapter's
// test file runs this suite with a harness that opens its queue; the cases that depend on how
// an adapter keeps time (backoff, lease expiry) stay in the adapter's own tests.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { JobQueueError, JobSpecError, LeaseLostError } from "../errors.js";
import type { JobSpecInput } from "../job-spec.js";
import type { JobState } from "../job-state.js";
import type { ClaimedJob, JobQueue, RetryBackoff } from "../queue.js";

export interface QueueHarness {
  /** Opens a handle on the test's queue; another call opens another, as another process would. */
  open(options?: { retryBackoff?: RetryBackoff }): Promise<JobQueue>;
  /** The adapter's clock: a test clock that stands still, or the real one. */
  now(): number;
  /** Lets `ms` pass on the adapter's clock. */
  advance(ms: number): Promise<void>;
  /** Closes what `open` opened and removes the queue's files or keys. */
  cleanup(): Promise<void>;
}

export const trainSpec = (word = "hey nova"): JobSpecInput => ({
  kind: "train",
  word,
  synth: 10,
  epochs: 4,
  out: "models/hey-nova",
});

/** Resolves to the error `promise` rejects with; fails the test when it resolves. */
export async function rejection(promise: Promise<unknown> | undefined): Promise<JobQueueError> {
  const error = await (promise ?? Promise.resolve()).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(JobQueueError);
  return error as JobQueueError;
}

/**
 * After another worker took the job `id` over: the old holder learns on its next call, whatever
 * the call, and the new holder completes it.
 */
export async function expectTakenOver(
  id: string,
  lost: ClaimedJob | undefined,
  taken: ClaimedJob | undefined,
): Promise<void> {
  const lostError = await rejection(lost?.heartbeat(0.5));
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
}

/** Runs `act` and returns the adapter's clock just before and just after it. */
async function timed<T>(harness: QueueHarness, act: () => Promise<T>) {
  const before = harness.now();
  const value = await act();
  return { value, before, after: harness.now() };
}

export function describeQueueContract(adapter: string, setup: () => Promise<QueueHarness>) {
  describe(`${adapter} queue: the JobQueue contract`, () => {
    let harness: QueueHarness;

    beforeEach(async () => {
      harness = await setup();
    });

    afterEach(async () => {
      await harness.cleanup();
    });

    it("submits, claims and completes a job, visible to every handle", async () => {
      const queue = await harness.open();
      const {
        value: submitted,
        before,
        after,
      } = await timed(harness, () => queue.submit(trainSpec()));
      expect(submitted).toMatchObject({
        state: "queued",
        progress: 0,
        attempts: 0,
        maxAttempts: 3,
        cancelRequested: false,
      });
      expect(submitted.createdAtMs).toBeGreaterThanOrEqual(before);
      expect(submitted.createdAtMs).toBeLessThanOrEqual(after);
      // Defaults applied at submit: the stored spec is the one the worker will run.
      expect(submitted.spec).toMatchObject({ version: 1, base: "speech-embedding", seed: 0 });
      expect(submitted.id).toMatch(/^[0-9a-f-]{36}$/);

      // A second handle (another process would do the same) claims it.
      const worker = await harness.open();
      await harness.advance(10);
      const claimed = await timed(harness, () =>
        worker.claim("worker-1", { leaseMs: 1000, backend: "cpu" }),
      );
      const job = claimed.value;
      expect(job?.record).toMatchObject({
        id: submitted.id,
        state: "running",
        worker: "worker-1",
        backend: "cpu",
        attempts: 1,
      });
      expect(job?.record.leaseUntilMs).toBeGreaterThanOrEqual(claimed.before + 1000);
      expect(job?.record.leaseUntilMs).toBeLessThanOrEqual(claimed.after + 1000);
      expect(await worker.claim("worker-2", { leaseMs: 1000 })).toBeUndefined();

      await harness.advance(100);
      const beat = await timed(harness, async () => job?.heartbeat(0.5));
      expect(beat.value).toEqual({ cancelRequested: false });
      const during = await queue.get(submitted.id);
      expect(during).toMatchObject({ state: "running", progress: 0.5 });
      expect(during?.leaseUntilMs).toBeGreaterThanOrEqual(beat.before + 1000);
      expect(during?.leaseUntilMs).toBeLessThanOrEqual(beat.after + 1000);

      const done = await job?.complete({ artifactsDir: "models/hey-nova" });
      expect(done).toMatchObject({
        state: "completed",
        progress: 1,
        worker: "worker-1",
        backend: "cpu",
        attempts: 1,
        result: { artifactsDir: "models/hey-nova" },
      });
      expect(done?.leaseUntilMs).toBeUndefined();
      expect(done?.error).toBeUndefined();
      expect(await queue.get(submitted.id)).toEqual(done);
      expect(await queue.get("no-such-job")).toBeUndefined();
    });

    it("lists jobs oldest first, filtered by state", async () => {
      const queue = await harness.open();
      const first = await queue.submit(trainSpec("hey one"));
      const second = await queue.submit(trainSpec("hey two"), { id: "job-two" });
      const third = await queue.submit(trainSpec("hey three"));
      expect(second.id).toBe("job-two");
      await queue.claim("w", { leaseMs: 1000 });
      await queue.cancel(third.id);

      const ids = async (states?: JobState[]) =>
        (await queue.list(states ? { states } : undefined)).map((job) => job.id);
      expect(await ids()).toEqual([first.id, second.id, third.id]);
      expect(await ids(["running"])).toEqual([first.id]);
      expect(await ids(["queued", "cancelled"])).toEqual([second.id, third.id]);
      expect(await ids([])).toEqual([]);
    });

    it("takes any non-empty string as a job id", async () => {
      const queue = await harness.open();
      // Integers, colons and a queue's own words are ids like any other to the caller.
      const ids = ["42", "team:alpha", "meta", "wait", "~x", "hey nova ✓"];
      for (const id of ids) expect((await queue.submit(trainSpec(), { id })).id).toBe(id);
      expect((await queue.list()).map((job) => job.id)).toEqual(ids);
      for (const id of ids) expect(await queue.get(id)).toMatchObject({ id, state: "queued" });
      const job = await queue.claim("w", { leaseMs: 1000 });
      expect(await job?.complete({ artifactsDir: "out" })).toMatchObject({ id: "42" });
      expect(await queue.cancel("team:alpha")).toMatchObject({ state: "cancelled" });
    });

    it("rejects a malformed spec at submit with the reason, storing nothing", async () => {
      const queue = await harness.open();
      const malformed = { kind: "train", word: "hey nova", out: "m", synth: 5, epoch: 3 };
      const error = await queue.submit(malformed as unknown as JobSpecInput).catch((e) => e);
      expect(error).toBeInstanceOf(JobSpecError);
      expect((error as JobSpecError).message).toMatch(/epoch: .*did you mean "epochs"/);
      const noWord = { kind: "train", out: "m", synth: 5 } as unknown as JobSpecInput;
      await expect(queue.submit(noWord)).rejects.toThrow(/word: is required/);
      expect(await queue.list()).toEqual([]);
    });

    it("cancels a queued job at once and flags a running one for its worker", async () => {
      const queue = await harness.open();
      const waiting = await queue.submit(trainSpec(), { id: "waiting" });
      const cancelled = await queue.cancel(waiting.id);
      expect(cancelled).toMatchObject({ state: "cancelled", cancelRequested: true });
      expect(await queue.claim("w", { leaseMs: 1000 })).toBeUndefined();
      expect(await queue.get("waiting")).toEqual(cancelled);

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

      // So does failing it: the failure is kept as the reason.
      await queue.submit(trainSpec(), { id: "failing" });
      const failing = await queue.claim("w", { leaseMs: 1000 });
      await queue.cancel("failing");
      const failure = { message: "stopped", code: "STOPPED" };
      expect(await failing?.fail(failure)).toMatchObject({ state: "cancelled", error: failure });
    });

    it("refuses to acknowledge a cancel nobody asked for", async () => {
      const queue = await harness.open();
      await queue.submit(trainSpec());
      const job = await queue.claim("w", { leaseMs: 1000 });
      const error = await rejection(job?.acknowledgeCancel());
      expect(error.code).toBe("CANCEL_NOT_REQUESTED");
      expect(await job?.heartbeat()).toEqual({ cancelRequested: false });
    });

    it("queues a failed job again while attempts are left, with the error", async () => {
      const queue = await harness.open({ retryBackoff: { baseMs: 60_000, maxMs: 60_000 } });
      const { id } = await queue.submit(trainSpec(), { maxAttempts: 2 });
      const failure = { message: "out of memory", code: "OOM" };
      const job = await queue.claim("w", { leaseMs: 1000 });
      await job?.heartbeat(0.7);
      const failed = await timed(harness, async () => job?.fail(failure));
      const retried = failed.value;
      expect(retried).toMatchObject({
        id,
        state: "queued",
        attempts: 1,
        progress: 0,
        error: failure,
      });
      expect(retried?.leaseUntilMs).toBeUndefined();
      expect(retried?.notBeforeMs).toBeGreaterThanOrEqual(failed.before + 60_000);
      expect(retried?.notBeforeMs).toBeLessThanOrEqual(failed.after + 60_000);
      // Not before the backoff has passed; the old claim no longer holds the job.
      expect(await queue.claim("w", { leaseMs: 1000 })).toBeUndefined();
      expect((await rejection(job?.heartbeat())).code).toBe("LEASE_LOST");
    });

    it("fails a job at once when the worker says a retry cannot help", async () => {
      const queue = await harness.open();
      await queue.submit(trainSpec(), { maxAttempts: 5 });
      const job = await queue.claim("w", { leaseMs: 1000 });
      const failure = { message: "no such directory: positives/", code: "INPUT_MISSING" };
      expect(await job?.fail(failure, { retry: false })).toMatchObject({
        state: "failed",
        attempts: 1,
        error: failure,
      });
      expect(await queue.claim("w", { leaseMs: 1000 })).toBeUndefined();
    });

    it("releases a job back to the queue without counting the run", async () => {
      const queue = await harness.open();
      const { id } = await queue.submit(trainSpec());
      const job = await queue.claim("w1", { leaseMs: 1000 });
      await job?.heartbeat(0.6);
      expect(await job?.release()).toMatchObject({ id, state: "queued", attempts: 0, progress: 0 });
      const again = await queue.claim("w2", { leaseMs: 1000 });
      expect(again?.record).toMatchObject({ id, worker: "w2", attempts: 1 });
      // The old handle no longer holds the job.
      const lost = await rejection(job?.heartbeat());
      expect(lost).toBeInstanceOf(LeaseLostError);
      expect(lost.message).toMatch(/worker w2 runs it now/);
    });

    it("rejects moves the job state machine forbids", async () => {
      const queue = await harness.open();
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
        const error = await rejection(act());
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
      const queue = await harness.open();
      expect((await rejection(queue.cancel("missing"))).code).toBe("JOB_NOT_FOUND");
      await queue.submit(trainSpec("hey first"), { id: "same" });
      expect((await rejection(queue.submit(trainSpec(), { id: "same" }))).code).toBe(
        "DUPLICATE_JOB_ID",
      );
      // The first job stays as it was.
      expect((await queue.get("same"))?.spec).toMatchObject({ word: "hey first" });
      expect((await rejection(queue.submit(trainSpec(), { maxAttempts: 0 }))).code).toBe(
        "INVALID_QUEUE_ARGUMENT",
      );
      expect((await rejection(queue.claim("w", { leaseMs: 0 }))).message).toMatch(/leaseMs/);
      expect((await rejection(queue.claim(" ", { leaseMs: 10 }))).message).toMatch(/workerId/);
      const job = await queue.claim("w", { leaseMs: 1000 });
      expect((await rejection(job?.heartbeat(1.5))).message).toMatch(
        /progress must be a number between 0 and 1, got 1.5/,
      );
      expect(await queue.list()).toHaveLength(1);
      expect(await queue.recoverStalled()).toEqual([]);

      await queue.close();
      await queue.close();
      expect((await rejection(queue.list())).code).toBe("QUEUE_CLOSED");
      expect((await rejection(queue.submit(trainSpec()))).code).toBe("QUEUE_CLOSED");
      expect((await rejection(queue.claim("w", { leaseMs: 10 }))).code).toBe("QUEUE_CLOSED");
    });
  });
}
