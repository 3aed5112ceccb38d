import { json } from "../../../../../../lib/api/responses";
import { workerTrainingView } from "../../../../../../lib/jobs/jobs-overview";
import { jobsRoute } from "../../../../../../lib/jobs/jobs-route";

export const dynamic = "force-dynamic";

/**
 * GET /api/projects/:projectId/worker-trainings/:jobId: one training on a worker with its job's
 * progress, log and curves, and the model once the finished job is stored.
 */
export const GET = jobsRoute<{ projectId: string; jobId: string }>(
  async ({ store, queue, params }) =>
    json({ training: await workerTrainingView(store, queue, params.projectId, params.jobId) }),
);
