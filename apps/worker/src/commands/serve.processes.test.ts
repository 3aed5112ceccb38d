// Real `wakeforge serve` processes on one queue, the embedded SQLite one and BullMQ on a real
// redis-server: a worker killed mid-job (SIGKILL), a worker shut down mid-job (SIGTERM) and, on
// Redis, the server restarted under a running worker, with a tiny training job, as deployed.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { initBackend, loadDetectorDirectory } from "@wakeforge/core";
import { parseProgressEvent, type JobQueue, type QueuedJobRecord } from "@wakeforge/jobs";
import { openQueue } from "@wakeforge/jobs/node";
import { redisServerMissing, startRedisServer, type RedisServer } from "@wakeforge/jobs/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { jobLogPath } from "../jobs/job-log.js";

const APP_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const LEASE_SECONDS = 3;

/** The tiny training of train.test.ts: a few seconds of work in several steps. */
const tinyTrainJob = (out: string) => ({
  kind: "train" as const,
  word: "hey nova",
  synth: 8,
  epochs: 2,
  backgroundMinutes: 1,
  negativeMinutes: 1,
  out,
});

interface Worker {
  readonly id: string;
  readonly child: ChildProcess;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  readonly output: string[];
}

/**
 * The app compiled for these tests in a folder of its own (not dist/, which a concurrent build
 * may be rewriting), laid out as installed: bin/, dist/ and package.json side by side.
 */
let installed: string;
let dir: string;
/** The queue of the running describe block: where workers find it and the test's own handle. */
let location: string;
let queue: JobQueue;
let workers: Worker[] = [];

beforeAll(async () => {
  const cache = join(APP_ROOT, "node_modules", ".cache");
  mkdirSync(cache, { recursive: true });
  installed = mkdtempSync(join(cache, "wakeforge-serve-test-"));
  const tsc = join(APP_ROOT, "node_modules", ".bin", "tsc");
  const built = spawnSync(
    tsc,
    ["-p", "tsconfig.build.json", "--outDir", join(installed, "dist")].concat(
      ["--declaration", "--declarationMap", "--sourceMap"].flatMap((flag) => [flag, "false"]),
    ),
    { cwd: APP_ROOT, encoding: "utf8" },
  );
  if (built.status !== 0) throw new Error(`tsc failed:\n${built.stdout}${built.stderr}`);
  mkdirSync(join(installed, "bin"));
  copyFileSync(join(APP_ROOT, "bin", "wakeforge.js"), join(installed, "bin", "wakeforge.js"));
  copyFileSync(join(APP_ROOT, "package.json"), join(installed, "package.json"));

  dir = mkdtempSync(join(tmpdir(), "wakeforge-serve-"));
  await initBackend("wasm");
}, 120_000);

afterEach(async () => {
  for (const worker of workers) {
    if (worker.child.exitCode === null && worker.child.signalCode === null)
      worker.child.kill("SIGKILL");
    await worker.exited;
  }
  workers = [];
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  if (installed) rmSync(installed, { recursive: true, force: true });
});

function startWorker(id: string): Worker {
  const child = spawn(
    process.execPath,
    [join(installed, "bin", "wakeforge.js"), "serve", "--queue", location].concat([
      "--worker-id",
      id,
      "--lease-seconds",
      String(LEASE_SECONDS),
      "--backend",
      "wasm",
    ]),
    {
      // One data folder for all: the second run of the phrase reuses the first one's clips.
      env: { ...process.env, WAKEFORGE_DATA_DIR: join(dir, "data") },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const output: string[] = [];
  child.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    // "close", not "exit": only then has everything the worker printed been read.
    child.on("close", (code, signal) => resolve({ code, signal })),
  );
  const worker = { id, child, exited, output };
  workers.push(worker);
  return worker;
}

async function waitForJob(
  id: string,
  predicate: (job: QueuedJobRecord) => boolean,
  what: string,
  timeoutMs = 90_000,
): Promise<QueuedJobRecord> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await queue.get(id);
    if (job && predicate(job)) return job;
    if (Date.now() > deadline) {
      const logs = workers.map((w) => `--- ${w.id}\n${w.output.join("")}`).join("\n");
      throw new Error(
        `timed out waiting for job ${id} to be ${what}: ${JSON.stringify(job)}\n${logs}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Polls the worker's output until it contains `text`; fails with the output if not. */
async function waitForOutput(worker: Worker, text: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!worker.output.join("").includes(text)) {
    if (Date.now() > deadline) {
      throw new Error(`worker ${worker.id} never printed "${text}":\n${worker.output.join("")}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Every line of the job's log is an event of the progress protocol. */
function jobLogEvents(id: string) {
  return readFileSync(jobLogPath(join(dir, "data"), id), "utf8")
    .trim()
    .split("\n")
    .map((line) => parseProgressEvent(JSON.parse(line)));
}

const isRunning = (job: QueuedJobRecord) => job.state === "running" && job.progress > 0;

/** The scenarios every queue passes, with its own `location` and `queue` set up around them. */
function faultScenarios(): void {
  it("finishes a job on the other worker when the one running it is killed", async () => {
    const out = join(dir, "models", `killed-${workers.length}-${Date.now()}`);
    const { id } = await queue.submit(tinyTrainJob(out));
    const pair = [startWorker("worker-a"), startWorker("worker-b")];

    const running = await waitForJob(id, isRunning, "running");
    const victim = pair.find((w) => w.id === running.worker);
    const survivor = pair.find((w) => w.id !== running.worker);
    if (!victim || !survivor) throw new Error(`job claimed by an unknown worker ${running.worker}`);
    victim.child.kill("SIGKILL");
    expect((await victim.exited).signal).toBe("SIGKILL");

    const done = await waitForJob(id, (j) => j.state === "completed", "completed");
    expect(done).toMatchObject({
      worker: survivor.id,
      backend: "wasm",
      attempts: 2,
      result: { artifactsDir: out },
    });
    await expectWholeModel(out);
    const events = jobLogEvents(id);
    expect(attemptsLogged(events)).toBe(2);
    expect(events.at(-1)).toMatchObject({ type: "stage", stage: "done" });
    expect(events).toContainEqual(
      expect.objectContaining({ type: "artifacts", paths: { model: out } }),
    );
    // The queue knows before the worker's line about it has crossed the pipe.
    await waitForOutput(survivor, `job ${id} completed`);

    survivor.child.kill("SIGTERM");
    expect(await survivor.exited).toEqual({ code: 0, signal: null });
  }, 150_000);

  it("hands a running job back on SIGTERM and exits 0; another worker completes it", async () => {
    const out = join(dir, "models", `handed-back-${Date.now()}`);
    const { id } = await queue.submit(tinyTrainJob(out));
    const first = startWorker("first");
    await waitForJob(id, isRunning, "running");

    first.child.kill("SIGTERM");
    expect(await first.exited).toEqual({ code: 0, signal: null });
    expect(first.output.join("")).toContain(`job ${id} handed back to the queue`);
    expect(await queue.get(id)).toMatchObject({ state: "queued", attempts: 0 });
    expect(existsSync(out)).toBe(false);

    const second = startWorker("second");
    const done = await waitForJob(id, (j) => j.state === "completed", "completed");
    expect(done).toMatchObject({ worker: "second", attempts: 1, result: { artifactsDir: out } });
    expect((await loadDetectorDirectory(out)).manifest.phrase).toBe("hey nova");
    second.child.kill("SIGTERM");
    expect(await second.exited).toEqual({ code: 0, signal: null });
  }, 150_000);
}

/** The model directory is whole: its manifest, topology and weights load as `detect` loads them. */
async function expectWholeModel(out: string): Promise<void> {
  const loaded = await loadDetectorDirectory(out);
  expect(loaded.manifest).toMatchObject({ kind: "head", phrase: "hey nova" });
  expect(readdirSync(out).sort()).toEqual([
    "det.svg",
    "metrics.json",
    "model.json",
    "report.html",
    "wakeforge.json",
    "weights.bin",
  ]);
}

const attemptsLogged = (events: ReturnType<typeof jobLogEvents>) =>
  events.filter((e) => e.type === "log" && e.message.startsWith("attempt")).length;

describe("wakeforge serve processes on one SQLite queue", () => {
  beforeAll(async () => {
    location = join(dir, "queue.sqlite");
    queue = await openQueue(location);
  });
  afterAll(async () => {
    await queue?.close();
  });

  faultScenarios();
});

describe.skipIf(redisServerMissing)("wakeforge serve processes on BullMQ and redis-server", () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedisServer();
    location = redis.url;
    queue = await openQueue(location);
  }, 30_000);
  afterAll(async () => {
    await queue?.close();
    await redis?.close();
  });

  faultScenarios();

  it("survives a restart of Redis under a running job: it completes once, on the same worker", async () => {
    const out = join(dir, "models", `redis-restart-${Date.now()}`);
    const { id } = await queue.submit(tinyTrainJob(out));
    const worker = startWorker("steady");
    const running = await waitForJob(id, isRunning, "running");
    expect(running.worker).toBe("steady");

    // Down for less than the lease: heartbeats fail meanwhile and the worker must carry on.
    await redis.stop();
    await new Promise((resolve) => setTimeout(resolve, (LEASE_SECONDS * 1000) / 2));
    await redis.start();
    // The job outlived the outage (it trains for several more seconds), so the test saw one.
    expect(await queue.get(id)).toMatchObject({ state: "running", worker: "steady" });

    const done = await waitForJob(id, (j) => j.state === "completed", "completed");
    expect(done).toMatchObject({ worker: "steady", attempts: 1, result: { artifactsDir: out } });
    await expectWholeModel(out);
    expect(attemptsLogged(jobLogEvents(id))).toBe(1);
    expect(worker.child.exitCode).toBeNull();
    worker.child.kill("SIGTERM");
    expect(await worker.exited).toEqual({ code: 0, signal: null });
  }, 150_000);
});
