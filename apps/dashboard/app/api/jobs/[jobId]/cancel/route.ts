import { json } from "../../../../../lib/api/responses";
import { jobView } from "../../../../../lib/jobs/job-view";
import { jobsRoute } from "../../../../../lib/jobs/jobs-route";

export const dynamic = "force-dynamic";

/**
 * POST /api/jobs/:jobId/cancel: the queue's cancel. A queued job ends cancelled at once; a
 * running one is flagged and its worker stops it at its next step. 409 ILLEGAL_TRANSITION for a
 * job that is already over, 404 JOB_NOT_FOUND for one the queue does not have.
 */
export const POST = jobsRoute<{ jobId: string }>(async ({ queue, params }) => {
  const record = await queue.cancel(params.jobId);
  return json({ job: jobView(record, undefined, null) });
});
