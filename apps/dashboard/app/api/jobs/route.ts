import { json } from "../../../lib/api/responses";
import { jobsOverview } from "../../../lib/jobs/jobs-overview";
import { jobsRoute } from "../../../lib/jobs/jobs-route";
import { startEmbeddedWorkerIfNeeded } from "../../../lib/jobs/server-worker";

export const dynamic = "force-dynamic";

/**
 * GET /api/jobs: the queue (where it is, the embedded worker's state), its newest jobs with
 * progress, time left and timings, and the workers its records name. Jobs that ended are settled
 * on the way (a finished training's model is stored), and queued work wakes the embedded worker.
 */
export const GET = jobsRoute(async ({ store, queue, target, embedded }) => {
  await startEmbeddedWorkerIfNeeded(queue);
  return json(await jobsOverview(store, queue, target, embedded));
});
