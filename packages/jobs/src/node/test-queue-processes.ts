// For tests: several real worker processes (test-fixtures/queue-worker.mjs) on one queue, with
// the compiled package in each process exactly as a deployed worker runs it: crashes (SIGKILL),
// shutdowns (SIGTERM) and contention. Each adapter's processes test runs these scenarios with
// the location its workers open, and may add its own with the same tools.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { JobQueue, QueuedJobRecord } from "../queue.js";

const PACKAGE_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const WORKER_SCRIPT = fileURLToPath(new URL("./test-fixtures/queue-worker.mjs", import.meta.url));
export const LEASE_MS = 1000;
const STEP_MS = 50;

export interface WorkerProcess {
  readonly id: string;
  readonly child: ChildProcess;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  readonly output: string[];
}

/** Where the workers find the queue: what `openQueue` takes. */
export interface QueueLocation {
  readonly location: string;
  readonly options?: Readonly<Record<string, unknown>>;
  /** The test's own handle on the queue. */
  readonly queue: JobQueue;
}

/** The tools of one test: its folder, its queue handle, its workers. */
export interface ProcessTestContext {
  readonly dir: string;
  readonly queue: JobQueue;
  startWorker(id: string, stepMs?: number): WorkerProcess;
  /** Polls the queue until `predicate` holds for the job; fails with the workers' output if not. */
  waitForJob(
    id: string,
    predicate: (job: QueuedJobRecord) => boolean,
    what: string,
    timeoutMs?: number,
  ): Promise<QueuedJobRecord>;
  /** SIGTERM, then the exit. */
  stop(worker: WorkerProcess): Promise<{ code: number | null; signal: string | null }>;
  /** Each line of the log the workers append a job's id to once they completed it. */
  completedLog(): string[];
}

export const workerSpec = (out: string, epochs: number) => ({
  kind: "train" as const,
  word: "hey nova",
  synth: 1,
  epochs,
  out,
});

export function readArtifact(out: string): unknown {
  return JSON.parse(readFileSync(join(out, "result.json"), "utf8"));
}

/**
 * Declares the scenarios every adapter passes, with `open` giving each test its queue (in the
 * test's own folder); `more` adds the adapter's own tests, which get the same context.
 */
export function describeWorkerProcesses(
  adapter: string,
  open: (dir: string) => Promise<QueueLocation>,
  more?: (context: () => ProcessTestContext) => void,
) {
  describe(`${adapter} queue with several worker processes`, () => {
    /** The package compiled for the worker processes; in node_modules so they find the packages. */
    let compiledDir: string;
    let compiledEntry: string;
    let dir: string;
    let opened: QueueLocation;
    let workers: WorkerProcess[];

    function startWorker(id: string, stepMs = STEP_MS): WorkerProcess {
      const config = {
        location: opened.location,
        options: opened.options ?? {},
        workerId: id,
        leaseMs: LEASE_MS,
        stepMs,
        pollMs: 50,
        logFile: join(dir, "completed.log"),
      };
      const child = spawn(
        process.execPath,
        [WORKER_SCRIPT, compiledEntry, JSON.stringify(config)],
        {
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
      const output: string[] = [];
      child.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
      child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(
        // "close", not "exit": only then has everything the worker printed been read.
        (resolve) => child.on("close", (code, signal) => resolve({ code, signal })),
      );
      const worker = { id, child, exited, output };
      workers.push(worker);
      return worker;
    }

    async function waitForJob(
      id: string,
      predicate: (job: QueuedJobRecord) => boolean,
      what: string,
      timeoutMs = 20_000,
    ): Promise<QueuedJobRecord> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const job = await opened.queue.get(id);
        if (job && predicate(job)) return job;
        if (Date.now() > deadline) {
          const logs = workers.map((w) => `--- ${w.id}\n${w.output.join("")}`).join("\n");
          throw new Error(
            `timed out waiting for job ${id} to be ${what}: ${JSON.stringify(job)}\n${logs}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    }

    async function stop(worker: WorkerProcess) {
      worker.child.kill("SIGTERM");
      return worker.exited;
    }

    const context = (): ProcessTestContext => ({
      dir,
      queue: opened.queue,
      startWorker,
      waitForJob,
      stop,
      completedLog: () => {
        const file = join(dir, "completed.log");
        return existsSync(file) ? readFileSync(file, "utf8").trim().split("\n") : [];
      },
    });

    beforeAll(() => {
      // The test's own build of the package (not dist/, which a concurrent `pnpm build` may be
      // rewriting): the workers import it as deployed workers import @wakeforge/jobs/node.
      const cacheDir = join(PACKAGE_ROOT, "node_modules", ".cache");
      mkdirSync(cacheDir, { recursive: true });
      compiledDir = mkdtempSync(join(cacheDir, "jobs-queue-test-"));
      const tsc = join(PACKAGE_ROOT, "node_modules", ".bin", "tsc");
      const built = spawnSync(
        tsc,
        ["-p", "tsconfig.build.json", "--outDir", compiledDir, "--declaration", "false"].concat([
          "--declarationMap",
          "false",
          "--sourceMap",
          "false",
        ]),
        { cwd: PACKAGE_ROOT, encoding: "utf8" },
      );
      if (built.status !== 0) throw new Error(`tsc failed:\n${built.stdout}${built.stderr}`);
      compiledEntry = join(compiledDir, "node", "index.js");
    }, 120_000);

    afterAll(() => {
      if (compiledDir) rmSync(compiledDir, { recursive: true, force: true });
    });

    beforeEach(async () => {
      dir = mkdtempSync(join(tmpdir(), "wakeforge-queue-processes-"));
      opened = await open(dir);
      workers = [];
    });

    afterEach(async () => {
      for (const worker of workers) {
        if (worker.child.exitCode === null && worker.child.signalCode === null) {
          worker.child.kill("SIGKILL");
        }
        await worker.exited;
      }
      await opened.queue.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it("finishes a job on another worker when its worker is killed mid-job", async () => {
      const { queue } = opened;
      const out = join(dir, "out-crash");
      const steps = 20;
      const { id } = await queue.submit(workerSpec(out, steps));
      const pair = [startWorker("worker-a"), startWorker("worker-b")];

      const running = await waitForJob(
        id,
        (j) => j.state === "running" && j.progress > 0.3,
        "30 % done",
      );
      const victim = pair.find((w) => w.id === running.worker);
      const survivor = pair.find((w) => w.id !== running.worker);
      if (!victim || !survivor)
        throw new Error(`job claimed by an unknown worker ${running.worker}`);
      victim.child.kill("SIGKILL");
      expect((await victim.exited).signal).toBe("SIGKILL");

      const done = await waitForJob(id, (j) => j.state === "completed", "completed");
      expect(done).toMatchObject({
        worker: survivor.id,
        attempts: 2,
        result: { artifactsDir: out },
      });
      // The artefact is whole and from the run that finished, however the first run ended.
      expect(readArtifact(out)).toEqual({ jobId: id, steps, worker: survivor.id });
      expect(readdirSync(out)).toEqual(["result.json"]);
      expect(await stop(survivor)).toEqual({ code: 0, signal: null });
    });

    it("runs 20 jobs on three workers, each exactly once", async () => {
      const { queue } = opened;
      const ids: string[] = [];
      for (let n = 0; n < 20; n++) {
        ids.push((await queue.submit(workerSpec(join(dir, `out-${n}`), 2))).id);
      }
      const three = ["w1", "w2", "w3"].map((id) => startWorker(id, 10));

      for (const id of ids) await waitForJob(id, (j) => j.state === "completed", "completed");
      for (const worker of three) expect(await stop(worker)).toEqual({ code: 0, signal: null });

      const lines = context().completedLog();
      const counts = new Map<string, number>();
      for (const line of lines) counts.set(line, (counts.get(line) ?? 0) + 1);
      expect([...counts.keys()].sort()).toEqual([...ids].sort());
      expect([...counts.values()].every((count) => count === 1)).toBe(true);
      expect(lines).toHaveLength(20);

      const jobs = await queue.list();
      expect(jobs.map((job) => job.state)).toEqual(Array(20).fill("completed"));
      for (const [n, id] of ids.entries()) {
        const job = jobs.find((j) => j.id === id);
        expect(readArtifact(join(dir, `out-${n}`))).toMatchObject({
          jobId: id,
          worker: job?.worker,
        });
      }
    });

    it("hands a job back on SIGTERM, uncounted, for another worker to finish", async () => {
      const { queue } = opened;
      const out = join(dir, "out-shutdown");
      const { id } = await queue.submit(workerSpec(out, 20));
      const first = startWorker("first");
      await waitForJob(id, (j) => j.state === "running" && j.progress > 0.3, "30 % done");

      expect(await stop(first)).toEqual({ code: 0, signal: null });
      expect(first.output.join("")).toContain('"event":"released"');
      expect(await queue.get(id)).toMatchObject({ state: "queued", attempts: 0, progress: 0 });
      expect(existsSync(join(out, "result.json"))).toBe(false);

      const second = startWorker("second");
      const done = await waitForJob(id, (j) => j.state === "completed", "completed");
      expect(done).toMatchObject({ worker: "second", attempts: 1 });
      expect(readArtifact(out)).toEqual({ jobId: id, steps: 20, worker: "second" });
      expect(await stop(second)).toEqual({ code: 0, signal: null });
    });

    more?.(context);
  });
}
