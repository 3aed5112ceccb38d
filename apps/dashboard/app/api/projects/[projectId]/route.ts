import { handle, json } from "../../../../lib/api/responses";
import { readJsonObject } from "../../../../lib/api/read-json";
import { getStore } from "../../../../lib/store/server-store";
import { stopSynthesis } from "../../../../lib/synthesis/synthesis-runs";

export const dynamic = "force-dynamic";

interface Context {
  readonly params: Promise<{ projectId: string }>;
}

/** GET /api/projects/:projectId: the project and its sample counts. */
export function GET(_request: Request, { params }: Context): Promise<Response> {
  return handle(async () => {
    const { projectId } = await params;
    const store = await getStore();
    return json({ project: store.getProject(projectId), counts: store.countSamples(projectId) });
  });
}

/** PATCH /api/projects/:projectId {name}: renames the project (the phrase stays). */
export function PATCH(request: Request, { params }: Context): Promise<Response> {
  return handle(async () => {
    const { projectId } = await params;
    const body = await readJsonObject(request, '{"name": "Kitchen speaker"}');
    return json({ project: (await getStore()).renameProject(projectId, body.name) });
  });
}

/** DELETE /api/projects/:projectId: the project, its samples and files (a running synthesis is stopped first). */
export function DELETE(_request: Request, { params }: Context): Promise<Response> {
  return handle(async () => {
    const { projectId } = await params;
    const store = await getStore();
    store.getProject(projectId);
    await stopSynthesis(projectId);
    await store.deleteProject(projectId);
    return new Response(null, { status: 204 });
  });
}
