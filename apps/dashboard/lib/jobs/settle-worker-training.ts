// When a training on a worker ends, the dashboard settles it once: a completed job's model is
// stored as a model of the project (its list shows which worker trained it), and the run's
// folder (data set snapshot, the worker's output) is removed whatever the end was.
import { rm } from "node:fs/promises";
import { join } from "node:path";
import type { JobQueue, QueuedJobRecord } from "@wakeforge/jobs";
import type { Store } from "../store";
import type { TrainedModel, WorkerTraining } from "../store/types";
import { RUN_MODEL } from "./submit-worker-training";
import { readWorkerModel } from "./worker-model";

// Pages poll while a job ends; a job must become one model, not one per request that saw it end.
const KEY = Symbol.for("wakeforge.dashboard.settling");
type Holder = { [KEY]?: Map<string, Promise<void>> };
const settling = ((globalThis as Holder)[KEY] ??= new Map());

async function settle(
  store: Store,
  training: WorkerTraining,
  record: QueuedJobRecord | undefined,
): Promise<void> {
  const runDir = store.workerRunDir(training.projectId, training.jobId);
  if (record?.state === "completed") {
    let model: TrainedModel | undefined;
    try {
      const { phrase } = store.getProject(training.projectId);
      const dir = record.result?.artifactsDir ?? join(runDir, RUN_MODEL);
      model = await store.addModel(
        training.projectId,
        await readWorkerModel(dir, phrase, record, training.settings),
      );
    } catch (error) {
      store.settleWorkerTraining(training.jobId, {
        error: `the trained model could not be stored: ${(error as Error).message}`,
      });
    }
    if (model && !store.settleWorkerTraining(training.jobId, { modelId: model.id })) {
      await store.deleteModel(training.projectId, model.id);
    }
  } else {
    const why = record
      ? (record.error?.message ?? null)
      : "the queue no longer has this job (was the queue file replaced?)";
    store.settleWorkerTraining(training.jobId, { error: why });
  }
  await rm(runDir, { recursive: true, force: true });
}

const isOver = (record: QueuedJobRecord | undefined) =>
  record === undefined ||
  record.state === "completed" ||
  record.state === "cancelled" ||
  record.state === "failed";

/** Settles `training` if its job is over (`record`: the queue's record, undefined if gone). */
export function settleIfOver(
  store: Store,
  training: WorkerTraining,
  record: QueuedJobRecord | undefined,
): Promise<void> {
  if (training.settledAt !== null || !isOver(record)) return Promise.resolve();
  const pending =
    settling.get(training.jobId) ??
    settle(store, training, record).finally(() => settling.delete(training.jobId));
  settling.set(training.jobId, pending);
  return pending;
}

/** Settles every unsettled training (of one project, or all) whose job is over. */
export async function settleFinishedTrainings(
  store: Store,
  queue: JobQueue,
  projectId?: string,
): Promise<void> {
  for (const training of store.listWorkerTrainings(projectId)) {
    if (training.settledAt !== null) continue;
    await settleIfOver(store, training, await queue.get(training.jobId));
  }
}
