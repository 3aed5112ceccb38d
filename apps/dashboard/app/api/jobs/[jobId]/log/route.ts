import { json } from "../../../../../lib/api/responses";
import { jobLogView } from "../../../../../lib/jobs/jobs-overview";
import { JobsError } from "../../../../../lib/jobs/jobs-error";
import { jobsRoute } from "../../../../../lib/jobs/jobs-route";

export const dynamic = "force-dynamic";

/**
 * GET /api/jobs/:jobId/log: the job's log lines and epochs, read from this machine's data
 * directory (`available: false` when another machine's worker ran it).
 */
export const GET = jobsRoute<{ jobId: string }>(async ({ store, queue, params }) => {
  if (!(await queue.get(params.jobId))) {
    throw new JobsError("JOB_NOT_FOUND", `the queue has no job ${params.jobId}`);
  }
  return json({ log: await jobLogView(store.paths.dataDir, params.jobId) });
});
