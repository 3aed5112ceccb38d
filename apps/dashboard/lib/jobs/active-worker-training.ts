// The project's training on a worker that is still under way, for the Train tab to follow
// after a reload. Undefined when there is none, or when the queue cannot be reached.
import type { Store } from "../store";
import { getQueue } from "./job-queue";
import type { WorkerTrainingView } from "./job-types";
import { workerTrainingView } from "./jobs-overview";

export async function activeWorkerTraining(
  store: Store,
  projectId: string,
): Promise<WorkerTrainingView | undefined> {
  const latest = store.listWorkerTrainings(projectId)[0];
  if (!latest || latest.settledAt !== null) return undefined;
  try {
    const { queue } = await getQueue();
    const view = await workerTrainingView(store, queue, projectId, latest.jobId);
    return view.training.settledAt === null ? view : undefined;
  } catch (error) {
    console.error(error);
    return undefined;
  }
}
