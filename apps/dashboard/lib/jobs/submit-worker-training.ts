// "On a worker" from the Train tab: snapshot the project's data set, queue a train job that reads
// it and writes its model beside it, and remember which project the job is for.
import { rm } from "node:fs/promises";
import { join } from "node:path";
import type { JobQueue, TrainJobSpec } from "@wakeforge/jobs";
import type { Store } from "../store";
import { newId } from "../store/ids";
import type { WorkerTraining, WorkerTrainingSettings } from "../store/types";
import { trainingShortfall } from "../training/training-data";
import { writeDatasetSnapshot } from "./dataset-snapshot";
import { JobsError } from "./jobs-error";

/** Inside a run's folder: the data set the job reads and the model folder it writes. */
export const RUN_DATASET = "dataset";
export const RUN_MODEL = "model";

/** The train job for a snapshot at `runDir/dataset`. */
export function trainJobSpec(
  phrase: string,
  runDir: string,
  settings: WorkerTrainingSettings,
): Omit<TrainJobSpec, "version" | "fineTune" | "backend" | "synth"> & { kind: "train" } {
  return {
    kind: "train",
    word: phrase,
    // A data set root (it has positives/ and the rest) is read whole, manifest included.
    positives: join(runDir, RUN_DATASET),
    out: join(runDir, RUN_MODEL),
    base: settings.base,
    epochs: settings.epochs,
    compareScratch: settings.compareScratch,
    seed: settings.seed,
    negativeMinutes: settings.negativeMinutes,
    backgroundMinutes: settings.backgroundMinutes,
  };
}

export async function submitWorkerTraining(
  store: Store,
  queue: JobQueue,
  projectId: string,
  settings: WorkerTrainingSettings,
): Promise<WorkerTraining> {
  const project = store.getProject(projectId);
  const shortfall = trainingShortfall(store.listSamples(projectId));
  if (shortfall) throw new JobsError("NOT_ENOUGH_DATA", shortfall);
  const jobId = newId();
  // The row first: it fixes the run's folder, and a job is never queued without one.
  const training = store.addWorkerTraining(projectId, { jobId, settings });
  const runDir = store.workerRunDir(jobId) as string;
  try {
    await writeDatasetSnapshot(store, projectId, join(runDir, RUN_DATASET));
    await queue.submit(trainJobSpec(project.phrase, runDir, settings), { id: jobId });
  } catch (error) {
    store.settleWorkerTraining(jobId, { error: `could not be queued: ${String(error)}` });
    await rm(runDir, { recursive: true, force: true });
    throw error;
  }
  return training;
}
