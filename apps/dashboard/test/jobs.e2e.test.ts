// End to end: training on a worker through the job queue, on the production build with a fresh
// data directory and nothing else started: the dashboard's embedded worker (a `wakeforge serve`
// child on the SQLite queue in the data directory) takes the job. The Train tab follows it live
// (progress, time left, the transfer curve), the Jobs page shows the job, its worker and backend
// and its log, a second job is cancelled there, the model lands in the project's list, and the
// embedded worker comes back after it is killed. Then the same through a Redis queue with an
// external worker, where the dashboard runs none. Screenshots go to test-results/jobs-*.png.
// Needs `next build` output and the built worker (apps/worker/dist); turbo builds both first.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobsOverview, WorkerTrainingView } from "../lib/jobs/job-types";
import type { TrainedModel } from "../lib/store/types";
import {
  appDir,
  createProject,
  freePort,
  launchChromium,
  postJson,
  screenshot,
  SERVER_START_MILLIS,
  startDashboard,
  synthesizeAndWait,
  type RunningDashboard,
} from "./e2e-harness";

let dashboard: RunningDashboard | undefined;
let browser: Browser | undefined;
let trainPage: Page | undefined;
let jobsPage: Page | undefined;
let baseUrl = "";
let projectId = "";
const dataDir = mkdtempSync(join(tmpdir(), "wakeforge-jobs-e2e-"));

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

const overview = () => getJson<JobsOverview>("/api/jobs");

beforeAll(async () => {
  dashboard = await startDashboard(join(dataDir, "data"));
  baseUrl = dashboard.baseUrl;
  browser = await launchChromium();
  trainPage = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  jobsPage = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  projectId = await createProject(baseUrl, "hey nova");
  await synthesizeAndWait(baseUrl, projectId, { positives: 6, negatives: 6 });
}, SERVER_START_MILLIS + 90_000);

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await dashboard?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}, 30_000);

describe("training on a worker through the job queue", () => {
  let firstJob = "";

  it("queues the job from the Train tab and follows it live", async () => {
    const p = trainPage!;
    await p.goto(`${baseUrl}/projects/${projectId}/train`);
    await p.check('[data-testid="training-place-worker"]');
    expect(await p.textContent('[data-testid="training-start"]')).toBe("Train on a worker");
    // Small: three epochs of the transfer head, one minute of negative audio, no background.
    await p.fill('[data-testid="training-epochs"]', "3");
    await p.check('[data-testid="training-transfer-only"]');
    await p.click(".more-settings summary");
    await p.fill('[data-testid="worker-negative-minutes"]', "1");
    await p.fill('[data-testid="worker-background-minutes"]', "0");
    await p.click('[data-testid="training-start"]');

    await p.waitForSelector('[data-testid="worker-run"][data-state="running"]', {
      timeout: 60_000,
    });
    firstJob = (await p.textContent('[data-testid="worker-run-where"] a')) ?? "";
    expect(firstJob).toMatch(/^[0-9a-z]{16}$/);
    expect(await p.textContent('[data-testid="worker-run-where"]')).toMatch(
      /runs on worker \S+-dashboard \(TensorFlow\.js on \w+/,
    );
    // Progress with a time left, drawn from the job's log while it runs.
    await p.waitForFunction(
      () =>
        /\d+ % · about .+ left/.test(
          document.querySelector('[data-testid="job-eta"]')?.textContent ?? "",
        ),
      undefined,
      { timeout: 90_000 },
    );
    expect(
      Number(await p.getAttribute('[data-testid="job-progress"]', "data-progress")),
    ).toBeGreaterThan(0);
    await screenshot(p, "jobs-train-running.png");
  }, 150_000);

  it("lists the job with its worker and backend, shows its log, and cancels a second one", async () => {
    const second = await postJson(baseUrl, `/api/projects/${projectId}/worker-trainings`, {
      epochs: 1,
      compareScratch: false,
    });
    expect(second.status).toBe(201);
    const secondJob = ((await second.json()) as { training: WorkerTrainingView }).training.training
      .jobId;

    const p = jobsPage!;
    await p.goto(`${baseUrl}/jobs`);
    const first = p.locator(`[data-testid="job-row"][data-job-id="${firstJob}"]`);
    const queued = p.locator(`[data-testid="job-row"][data-job-id="${secondJob}"]`);
    await first.waitFor();
    expect(await queued.getAttribute("data-state")).toBe("queued");
    expect(await first.locator('[data-testid="job-project"]').textContent()).toBe("hey nova");
    expect(await p.getAttribute('[data-testid="embedded-worker"]', "data-state")).toBe("running");
    expect(await p.textContent('[data-testid="embedded-worker"]')).toContain("Embedded worker");

    const { workers, jobs } = await overview();
    const worker = workers.find((w) => w.embedded);
    expect(worker?.backend).toMatch(/^(node-gpu|node|wasm|cpu)$/);
    const row = p.locator(`[data-testid="worker-row"][data-worker="${worker!.id}"]`);
    expect(await row.locator('[data-testid="worker-backend"]').textContent()).toBe(worker!.backend);
    expect(jobs.find((j) => j.id === firstJob)).toMatchObject({ worker: worker!.id, attempts: 1 });
    expect(await first.locator('[data-testid="job-worker"]').textContent()).toContain(worker!.id);

    await first.locator('[data-testid="job-log-toggle"]').click();
    await p.waitForFunction(() =>
      /attempt 1 of 3 on worker/.test(
        document.querySelector('[data-testid="job-log"]')?.textContent ?? "",
      ),
    );
    await screenshot(p, "jobs-page-running.png");

    await queued.locator('[data-testid="job-cancel"]').click();
    // On a loaded machine the first job may be done and the second picked up by the time the
    // click lands: cancelling then stops a running job, which the worker notices between steps.
    await p.waitForSelector(
      `[data-testid="job-row"][data-job-id="${secondJob}"][data-state="cancelled"]`,
      { timeout: 90_000 },
    );
    const cancelled = (await overview()).jobs.find((j) => j.id === secondJob);
    expect(cancelled?.state).toBe("cancelled");
    expect(cancelled?.attempts ?? 0).toBeLessThanOrEqual(1);
    const training = await getJson<{ training: WorkerTrainingView }>(
      `/api/projects/${projectId}/worker-trainings/${secondJob}`,
    );
    expect(training.training.training.settledAt).not.toBeNull();
    expect(existsSync(join(dataDir, "data", "projects", projectId, "worker-runs", secondJob))).toBe(
      false,
    );
    await screenshot(p, "jobs-page-cancelled.png");
  }, 150_000);

  it("draws the transfer curve and lists the model once the job completes", async () => {
    const p = trainPage!;
    await p.waitForSelector('[data-testid="worker-run"][data-settled="true"]', {
      timeout: 150_000,
    });
    const job = (await overview()).jobs.find((j) => j.id === firstJob);
    expect(job?.state, `the job ended ${job?.state}: ${JSON.stringify(job?.error)}`).toBe(
      "completed",
    );
    expect(await p.getAttribute('[data-testid="worker-run"]', "data-state")).toBe("completed");
    await p.waitForSelector('[data-testid="worker-run-saved"]');
    const curve = p.locator('[data-testid="curves-recallAtFar"] [data-testid="curve-transfer"]');
    expect(await curve.getAttribute("data-points")).toBe("3");

    const { models } = await getJson<{ models: TrainedModel[] }>(
      `/api/projects/${projectId}/models`,
    );
    expect(models).toHaveLength(1);
    const [model] = models;
    expect(model).toMatchObject({ epochs: 3, comparedScratch: false });
    expect(model!.trainedIn).toMatch(/^worker \S+-dashboard$/);
    expect(model!.files).toEqual(
      expect.arrayContaining(["model.json", "weights.bin", "wakeforge.json", "metrics.json"]),
    );
    const row = p.locator(`[data-testid="model-row"][data-model-id="${model!.id}"]`);
    expect(await row.textContent()).toContain(model!.trainedIn);
    // The run's data set snapshot and the worker's output are gone; the model is kept.
    expect(existsSync(join(dataDir, "data", "projects", projectId, "worker-runs", firstJob))).toBe(
      false,
    );
    expect(
      existsSync(join(dataDir, "data", "projects", projectId, "models", model!.id, "model.json")),
    ).toBe(true);
    await screenshot(p, "jobs-train-done.png");
    // A job that is over cannot be cancelled; one the queue never had is not found.
    const late = await postJson(baseUrl, `/api/jobs/${firstJob}/cancel`, {});
    expect(late.status).toBe(409);
    expect(((await late.json()) as { error: { code: string } }).error.code).toBe(
      "ILLEGAL_TRANSITION",
    );
    expect((await postJson(baseUrl, "/api/jobs/no-such-job/cancel", {})).status).toBe(404);

    const q = jobsPage!;
    await q.waitForSelector(
      `[data-testid="job-row"][data-job-id="${firstJob}"][data-state="completed"]`,
    );
    expect(
      await q.getAttribute(
        `[data-testid="job-row"][data-job-id="${firstJob}"] [data-testid="job-progress"]`,
        "data-progress",
      ),
    ).toBe("1.000");
    await screenshot(q, "jobs-page-done.png");
  }, 180_000);

  it("cancels a running job from the Train tab through the queue, keeping nothing", async () => {
    const p = trainPage!;
    // Twenty minutes of negative audio to generate: long enough to be cancelled while it runs.
    await p.fill('[data-testid="worker-negative-minutes"]', "20");
    await p.click('[data-testid="training-start"]');
    await p.waitForSelector('[data-testid="worker-run"][data-state="running"]', {
      timeout: 60_000,
    });
    const jobId = await p.textContent('[data-testid="worker-run-where"] a');
    expect(jobId).not.toBe(firstJob);
    await p.click('[data-testid="worker-run-cancel"]');
    await p.waitForSelector(
      '[data-testid="worker-run"][data-state="cancelled"][data-settled="true"]',
      {
        timeout: 60_000,
      },
    );
    expect(await p.textContent('[data-testid="worker-run-cancelled"]')).toContain("cancelled");
    const { models } = await getJson<{ models: TrainedModel[] }>(
      `/api/projects/${projectId}/models`,
    );
    expect(models).toHaveLength(1);
    expect(existsSync(join(dataDir, "data", "projects", projectId, "worker-runs", jobId!))).toBe(
      false,
    );
    await screenshot(p, "jobs-train-cancelled.png");
  }, 150_000);

  it("restarts the embedded worker when it dies", async () => {
    const before = (await overview()).queue.embeddedWorker;
    expect(before?.state).toBe("running");
    process.kill(before!.pid!, "SIGKILL");
    let after = before;
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && !(after?.restarts === 1 && after.state === "running")) {
      await new Promise((r) => setTimeout(r, 250));
      after = (await overview()).queue.embeddedWorker;
    }
    expect(after).toMatchObject({ state: "running", restarts: 1 });
    expect(after!.pid).not.toBe(before!.pid);
  }, 30_000);
});

/** Resolves once something accepts connections on 127.0.0.1:`port`. */
async function listening(port: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1");
      socket.once("connect", () => (socket.end(), resolve(true)));
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing listens on port ${port}`);
}

const hasRedis = spawnSync("redis-server", ["--version"]).status === 0;

describe.skipIf(!hasRedis)("with a Redis queue and a worker started apart", () => {
  const redisDir = mkdtempSync(join(tmpdir(), "wakeforge-jobs-redis-"));
  let redis: ChildProcess | undefined;
  let external: ChildProcess | undefined;
  let onRedis: RunningDashboard | undefined;
  let queueUrl = "";

  beforeAll(async () => {
    const port = await freePort();
    queueUrl = `redis://127.0.0.1:${port}`;
    redis = spawn(
      "redis-server",
      ["--port", String(port), "--save", "", "--maxmemory-policy", "noeviction"],
      { stdio: "ignore" },
    );
    await listening(port);
    onRedis = await startDashboard(join(redisDir, "data"), { WAKEFORGE_QUEUE: queueUrl });
  }, SERVER_START_MILLIS + 15_000);

  afterAll(async () => {
    external?.kill("SIGTERM");
    await onRedis?.stop();
    redis?.kill("SIGTERM");
    rmSync(redisDir, { recursive: true, force: true });
  }, 30_000);

  it("queues the job for any worker, and stores the model an external worker trained", async () => {
    const url = onRedis!.baseUrl;
    const project = await createProject(url, "hey nova");
    await synthesizeAndWait(url, project, { positives: 6, negatives: 6 });
    const posted = await postJson(url, `/api/projects/${project}/worker-trainings`, {
      epochs: 2,
      compareScratch: false,
      negativeMinutes: 1,
      backgroundMinutes: 0,
    });
    expect(posted.status).toBe(201);
    const jobId = ((await posted.json()) as { training: WorkerTrainingView }).training.training
      .jobId;
    const before = (await (await fetch(`${url}/api/jobs`)).json()) as JobsOverview;
    // No embedded worker on Redis: the job waits for one started apart.
    expect(before.queue).toEqual({ kind: "redis", location: queueUrl, embeddedWorker: null });
    expect(before.jobs.map((job) => [job.id, job.state])).toEqual([[jobId, "queued"]]);

    external = spawn(
      process.execPath,
      [join(appDir, "..", "worker", "bin", "wakeforge.js"), "serve", "--worker-id", "gpu-box-2"],
      {
        env: {
          ...process.env,
          WAKEFORGE_QUEUE: queueUrl,
          WAKEFORGE_DATA_DIR: join(redisDir, "data"),
        },
        stdio: "ignore",
      },
    );
    let view: WorkerTrainingView | undefined;
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline && !view?.training.settledAt) {
      await new Promise((r) => setTimeout(r, 1_000));
      const answer = await fetch(`${url}/api/projects/${project}/worker-trainings/${jobId}`);
      view = ((await answer.json()) as { training: WorkerTrainingView }).training;
    }
    expect(view?.job).toMatchObject({ state: "completed", worker: "gpu-box-2", attempts: 1 });
    expect(view?.model).toMatchObject({ trainedIn: "worker gpu-box-2", epochs: 2 });
    const after = (await (await fetch(`${url}/api/jobs`)).json()) as JobsOverview;
    expect(after.workers).toEqual([
      expect.objectContaining({ id: "gpu-box-2", embedded: false, runningJobId: null, jobsRun: 1 }),
    ]);
  }, 200_000);
});
