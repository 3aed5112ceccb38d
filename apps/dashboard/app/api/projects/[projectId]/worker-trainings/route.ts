import { readJsonObject } from "../../../../../lib/api/read-json";
import { json } from "../../../../../lib/api/responses";
import { workerTrainingView } from "../../../../../lib/jobs/jobs-overview";
import { jobsRoute } from "../../../../../lib/jobs/jobs-route";
import { startEmbeddedWorkerIfNeeded } from "../../../../../lib/jobs/server-worker";
import { settleFinishedTrainings } from "../../../../../lib/jobs/settle-worker-training";
import { submitWorkerTraining } from "../../../../../lib/jobs/submit-worker-training";
import { parseWorkerSettings } from "../../../../../lib/jobs/worker-training-settings";

export const dynamic = "force-dynamic";

type Params = { projectId: string };

/** GET /api/projects/:projectId/worker-trainings: the project's trainings on workers, newest first. */
export const GET = jobsRoute<Params>(async ({ store, queue, params }) => {
  await settleFinishedTrainings(store, queue, params.projectId);
  return json({ trainings: store.listWorkerTrainings(params.projectId) });
});

/**
 * POST /api/projects/:projectId/worker-trainings {base?, epochs?, compareScratch?, seed?,
 * negativeMinutes?, backgroundMinutes?}: snapshots the project's samples and queues a train job
 * for them (201 with the training as the Train tab follows it). 422 NOT_ENOUGH_DATA when the
 * samples cannot train a detector yet; 400 INVALID_TRAINING_SETTINGS naming each bad field.
 */
export const POST = jobsRoute<Params>(async ({ request, store, queue, params }) => {
  store.getProject(params.projectId);
  const settings = parseWorkerSettings(
    await readJsonObject(request, '{ "epochs": 10, "compareScratch": true }'),
  );
  const training = await submitWorkerTraining(store, queue, params.projectId, settings);
  await startEmbeddedWorkerIfNeeded(queue);
  return json(
    { training: await workerTrainingView(store, queue, params.projectId, training.jobId) },
    201,
  );
});
