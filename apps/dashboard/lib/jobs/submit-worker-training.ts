// "On a worker" from the Train tab: snapshot the project's data set, queue a train job that reads
// it and writes its model beside it, and remember which project the job is for.
import { rm } from "node:fs/promises";
import { join } from "node:path";
import type { JobQueue, TrainJobSpec } from "@wakeforge/jobs";
import type { Store } from "../store";
import { newId } from "../store/ids";
import type { WorkerTraining, WorkerTrainingSettings } from "../store/types";
import { heldOutVoicesProblem } from "../training/held-out-voices";
import { speakerIdOf, trainingShortfall } from "../training/training-data";
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
  const samples = store.listSamples(projectId);
  const shortfall = trainingShortfall(samples);
  if (shortfall) throw new JobsError("NOT_ENOUGH_DATA", shortfall);
  const speakers = (label: string) =>
    samples.filter((s) => s.label === label).map((s) => ({ speakerId: speakerIdOf(s) }));
  const voicesProblem = heldOutVoicesProblem({
    positives: speakers("positive"),
    negatives: speakers("negative"),
  });
  if (voicesProblem) throw new JobsError("NOT_ENOUGH_DATA", voicesProblem);
  const jobId = newId();
  const runDir = store.workerRunDir(projectId, jobId);
  try {
    await writeDatasetSnapshot(store, projectId, join(runDir, RUN_DATASET));
    await queue.submit(trainJobSpec(project.phrase, runDir, settings), { id: jobId });
  } catch (error) {
    await rm(runDir, { recursive: true, force: true });
    throw error;
  }
  // The row last: a row whose job is not in the queue reads as a job that is gone, and would be
  // settled (its folder removed) by whoever polls first.
  let training: WorkerTraining;
  try {
    training = store.addWorkerTraining(projectId, { jobId, settings });
  } catch (error) {
    await queue.cancel(jobId).catch(() => undefined);
    await rm(runDir, { recursive: true, force: true });
    throw error;
  }
  return training;
}
