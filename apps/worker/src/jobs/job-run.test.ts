// One claimed job on a real SQLite queue, with a stand-in for the work where the work is not the
// point: heartbeats, cancel, shutdown, failures with and without retry, the job log.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  parseProgressEvent,
  type ClaimedJob,
  type JobQueue,
  type JobSpecInput,
} from "@wakeforge/jobs";
import { openSqliteQueue } from "@wakeforge/jobs/node";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { JobContext, JobResult } from "./job-context.js";
import { JobRunError } from "./job-failure.js";
import { jobLogPath } from "./job-log.js";
import { startJobRun, type JobRunSettings } from "./job-run.js";

let dir: string;
let queue: JobQueue;
let lines: string[];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "wakeforge-job-run-"));
  // Retries wait a minute: a retried job is not claimed again in place of the next one.
  queue = openSqliteQueue(join(dir, "queue.sqlite"), {
    retryBackoff: { baseMs: 60_000, maxMs: 60_000 },
  });
  lines = [];
});
afterEach(async () => {
  await queue.close();
  rmSync(dir, { recursive: true, force: true });
});

const spec: JobSpecInput = { kind: "train", word: "hey nova", synth: 1, out: "/tmp/never" };

async function claim(input: JobSpecInput = spec): Promise<ClaimedJob> {
  const { id } = await queue.submit(input);
  const job = await queue.claim("w1", { leaseMs: 10_000, backend: "cpu" });
  if (!job || job.record.id !== id) throw new Error("the job was not claimed");
  return job;
}

function settings(run?: JobRunSettings["run"]): JobRunSettings {
  return {
    workerId: "w1",
    backend: "cpu",
    dataDir: dir,
    heartbeatMs: 20,
    say: (line) => lines.push(line),
    ...(run ? { run } : {}),
  };
}

/** Work that reports progress until its signal stops it. */
const untilStopped = (fraction: number) => async (_spec: unknown, context: JobContext) => {
  context.report.progress(fraction);
  await new Promise((_resolve, reject) => {
    context.signal.addEventListener("abort", () => reject(context.signal.reason), { once: true });
  });
  return { artifactsDir: "never" };
};

const waitFor = async (check: () => Promise<boolean>) => {
  for (let i = 0; i < 200 && !(await check()); i++) await new Promise((r) => setTimeout(r, 10));
};

describe("a claimed job on this worker", () => {
  it("completes with its artefacts, its progress stored by heartbeats, its events logged", async () => {
    const job = await claim();
    let progressSeen = 0;
    const run = startJobRun(
      job,
      settings(async (_spec, context): Promise<JobResult> => {
        context.report.stage("training");
        context.report.progress(0.4);
        await waitFor(async () => ((await queue.get(job.record.id))?.progress ?? 0) === 0.4);
        progressSeen = (await queue.get(job.record.id))?.progress ?? 0;
        return { artifactsDir: "/models/x" };
      }),
    );
    expect(await run.finished).toBe("completed");
    expect(progressSeen).toBe(0.4);
    expect(await queue.get(job.record.id)).toMatchObject({
      state: "completed",
      result: { artifactsDir: "/models/x" },
    });
    const events = readFileSync(jobLogPath(dir, job.record.id), "utf8")
      .trim()
      .split("\n")
      .map((line) => parseProgressEvent(JSON.parse(line)));
    expect(events.map((event) => event.type)).toEqual(["log", "stage", "progress"]);
    expect(lines.join("\n")).toMatch(
      /started: train "hey nova"[\s\S]*completed in \d+ s → \/models\/x/,
    );
  });

  it("stops when a heartbeat says the job was cancelled, and acknowledges it", async () => {
    const job = await claim();
    const run = startJobRun(job, settings(untilStopped(0.3)));
    await queue.cancel(job.record.id);
    expect(await run.finished).toBe("cancelled");
    expect((await queue.get(job.record.id))?.state).toBe("cancelled");
  });

  it("hands the job back on shutdown, uncounted, unless it is nearly done", async () => {
    const job = await claim();
    const run = startJobRun(job, settings(untilStopped(0.5)));
    await waitFor(async () => ((await queue.get(job.record.id))?.progress ?? 0) > 0);
    run.shutdown();
    expect(await run.finished).toBe("released");
    expect(await queue.get(job.record.id)).toMatchObject({ state: "queued", attempts: 0 });

    const again = await queue.claim("w1", { leaseMs: 10_000 });
    if (!again) throw new Error("not claimed again");
    let finish = () => {};
    const nearlyDone = startJobRun(
      again,
      settings(async (_spec, context) => {
        context.report.progress(0.95);
        await new Promise<void>((resolve) => (finish = resolve));
        context.signal.throwIfAborted();
        return { artifactsDir: "/models/y" };
      }),
    );
    await waitFor(async () => ((await queue.get(again.record.id))?.progress ?? 0) > 0.9);
    nearlyDone.shutdown();
    finish();
    expect(await nearlyDone.finished).toBe("completed");
  });

  it("fails a job for good when no rerun can help, and retries one that may pass", async () => {
    const missing = join(dir, "no-corpus");
    const pretrain = await claim({ kind: "pretrain", corpus: missing, out: join(dir, "base") });
    // The real runner: a corpus that is not there fails the same on every worker.
    expect(await startJobRun(pretrain, settings()).finished).toBe("failed");
    expect(await queue.get(pretrain.record.id)).toMatchObject({
      state: "failed",
      attempts: 1,
      error: { code: "DATASET_INVALID", message: `${missing}: not a folder` },
    });

    const crash = await claim();
    const failing = startJobRun(
      crash,
      settings(async () => {
        throw new Error("the machine hiccupped");
      }),
    );
    expect(await failing.finished).toBe("retrying");
    expect(await queue.get(crash.record.id)).toMatchObject({
      state: "queued",
      error: { code: "JOB_FAILED", message: "the machine hiccupped" },
    });

    const mismatch = await claim({ ...spec, backend: "node-gpu" } as JobSpecInput);
    expect(await startJobRun(mismatch, settings()).finished).toBe("retrying");
    expect((await queue.get(mismatch.record.id))?.error?.code).toBe("BACKEND_MISMATCH");

    const gone = await claim({
      ...spec,
      synth: 0,
      positives: join(dir, "missing"),
    } as JobSpecInput);
    const missingRun = startJobRun(
      gone,
      settings(async () => {
        throw new JobRunError("DATASET_INVALID", "missing: not a folder", { retry: false });
      }),
    );
    expect(await missingRun.finished).toBe("failed");
  });
});
