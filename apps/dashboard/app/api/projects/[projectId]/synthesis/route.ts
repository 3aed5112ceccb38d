import { handle, json } from "../../../../../lib/api/responses";
import { readJson } from "../../../../../lib/api/read-json";
import { getStore } from "../../../../../lib/store/server-store";
import { parseSynthesisRequest } from "../../../../../lib/synthesis/synthesis-request";
import {
  cancelSynthesis,
  startSynthesis,
  synthesisStatus,
} from "../../../../../lib/synthesis/synthesis-runs";

export const dynamic = "force-dynamic";

interface Context {
  readonly params: Promise<{ projectId: string }>;
}

/** GET …/synthesis: the running run, or the last one since the server started (`run: null` if none). */
export function GET(_request: Request, { params }: Context): Promise<Response> {
  return handle(async () => {
    const { projectId } = await params;
    (await getStore()).getProject(projectId);
    return json({ run: synthesisStatus(projectId) });
  });
}

/**
 * POST …/synthesis {positives, negatives}: starts synthesizing in the background and answers
 * 202 at once; poll GET for progress. 409 while a run goes on, 503 when no speech engine works.
 */
export function POST(request: Request, { params }: Context): Promise<Response> {
  return handle(async () => {
    const { projectId } = await params;
    const store = await getStore();
    store.getProject(projectId);
    const run = await startSynthesis(
      store,
      projectId,
      parseSynthesisRequest(await readJson(request)),
    );
    return json({ run }, 202);
  });
}

/** DELETE …/synthesis: cancels the running run; the clips it made so far are kept. */
export function DELETE(_request: Request, { params }: Context): Promise<Response> {
  return handle(async () => {
    const { projectId } = await params;
    (await getStore()).getProject(projectId);
    return json({ run: cancelSynthesis(projectId) });
  });
}
