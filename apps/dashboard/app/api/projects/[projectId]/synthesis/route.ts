import { projectRoute } from "../../../../../lib/api/project-route";
import { json } from "../../../../../lib/api/responses";
import { readJson } from "../../../../../lib/api/read-json";
import { parseSynthesisRequest } from "../../../../../lib/synthesis/synthesis-request";
import {
  cancelSynthesis,
  startSynthesis,
  synthesisStatus,
} from "../../../../../lib/synthesis/synthesis-runs";

export const dynamic = "force-dynamic";

/** GET …/synthesis: the running run, or the last one since the server started (`run: null` if none). */
export const GET = projectRoute(({ projectId }) => json({ run: synthesisStatus(projectId) }), {
  requireProject: true,
});

/**
 * POST …/synthesis {positives, negatives}: starts synthesizing in the background and answers
 * 202 at once; poll GET for progress. 409 while a run goes on, 503 when no speech engine works.
 */
export const POST = projectRoute(
  async ({ request, store, projectId }) => {
    const run = await startSynthesis(
      store,
      projectId,
      parseSynthesisRequest(await readJson(request)),
    );
    return json({ run }, 202);
  },
  { requireProject: true },
);

/** DELETE …/synthesis: cancels the running run; the clips it made so far are kept. */
export const DELETE = projectRoute(({ projectId }) => json({ run: cancelSynthesis(projectId) }), {
  requireProject: true,
});
