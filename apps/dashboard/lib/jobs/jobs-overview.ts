// What the Jobs page shows, gathered on the server: the queue's jobs newest first with what
// their logs say, the workers the records name, and the embedded worker's state.
import type { JobQueue, QueuedJobRecord } from "@wakeforge/jobs";
import type { Store } from "../store";
import type { EmbeddedWorker } from "./embedded-worker";
import { digestJobLog, jobLogPath, readJobLog, type JobLogDigest } from "./job-log";
import type { QueueTarget } from "./job-queue";
import type { JobLogView, JobsOverview, WorkerTrainingView, WorkerView } from "./job-types";
import { jobView } from "./job-view";
import { JobsError } from "./jobs-error";
import { settleFinishedTrainings, settleIfOver } from "./settle-worker-training";

/** The newest jobs the page lists; older ones stay in the queue (`wakeforge jobs` lists all). */
export const LISTED_JOBS = 100;

export async function jobDigest(
  dataDir: string,
  jobId: string,
): Promise<{ path: string; digest: JobLogDigest | undefined }> {
  const path = jobLogPath(dataDir, jobId);
  const events = await readJobLog(path);
  return { path, digest: events && digestJobLog(events) };
}

/** The workers the records name, busiest first; the embedded one marked. */
export function workersSeen(
  records: readonly QueuedJobRecord[],
  embeddedId: string | undefined,
): WorkerView[] {
  const byId = new Map<
    string,
    { backend: string | null; running: string | null; runs: number; lastMs: number }
  >();
  for (const record of records) {
    if (!record.worker) continue;
    const seen = byId.get(record.worker) ?? { backend: null, running: null, runs: 0, lastMs: 0 };
    if (record.updatedAtMs >= seen.lastMs) {
      seen.lastMs = record.updatedAtMs;
      seen.backend = record.backend ?? seen.backend;
    }
    if (record.state === "running") seen.running = record.id;
    seen.runs += 1;
    byId.set(record.worker, seen);
  }
  return [...byId.entries()]
    .map(([id, seen]) => ({
      id,
      backend: seen.backend,
      runningJobId: seen.running,
      jobsRun: seen.runs,
      lastSeenAt: new Date(seen.lastMs).toISOString(),
      embedded: id === embeddedId,
    }))
    .sort((a, b) => b.lastSeenAt.localeCompare(a.lastSeenAt));
}

export async function jobsOverview(
  store: Store,
  queue: JobQueue,
  target: QueueTarget,
  embedded: EmbeddedWorker | null,
): Promise<JobsOverview> {
  await settleFinishedTrainings(store, queue);
  const records = (await queue.list()).reverse();
  const names = new Map(store.listProjects().map((p) => [p.id, p.name]));
  const projectOf = new Map(
    store
      .listWorkerTrainings()
      .map((t) => [t.jobId, { id: t.projectId, name: names.get(t.projectId) ?? t.projectId }]),
  );
  const jobs = await Promise.all(
    records.slice(0, LISTED_JOBS).map(async (record) => {
      const { digest } = await jobDigest(store.paths.dataDir, record.id);
      return jobView(record, digest, projectOf.get(record.id) ?? null);
    }),
  );
  return {
    queue: {
      kind: target.kind,
      location: target.described,
      embeddedWorker: embedded?.status() ?? null,
    },
    jobs,
    workers: workersSeen(records, embedded?.workerId),
  };
}

function logView(path: string, digest: JobLogDigest | undefined): JobLogView {
  return {
    available: digest !== undefined,
    path,
    lines: digest?.lines ?? [],
    epochs: digest?.epochs ?? [],
  };
}

/** The log view of one job. */
export async function jobLogView(dataDir: string, jobId: string): Promise<JobLogView> {
  const { path, digest } = await jobDigest(dataDir, jobId);
  return logView(path, digest);
}

/** One training on a worker as the Train tab follows it, settled first if its job is over. */
export async function workerTrainingView(
  store: Store,
  queue: JobQueue,
  projectId: string,
  jobId: string,
): Promise<WorkerTrainingView> {
  let training = store.getWorkerTraining(jobId);
  if (!training || training.projectId !== projectId) {
    throw new JobsError(
      "JOB_NOT_FOUND",
      `project ${projectId} has no training on a worker ${jobId}`,
    );
  }
  const record = await queue.get(jobId);
  await settleIfOver(store, training, record);
  training = store.getWorkerTraining(jobId) ?? training;
  const { path, digest } = await jobDigest(store.paths.dataDir, jobId);
  const name = store.getProject(projectId).name;
  return {
    training,
    job: record ? jobView(record, digest, { id: projectId, name }) : null,
    log: logView(path, digest),
    // The person may have deleted the model since.
    model: store.listModels(projectId).find((m) => m.id === training.modelId) ?? null,
  };
}
