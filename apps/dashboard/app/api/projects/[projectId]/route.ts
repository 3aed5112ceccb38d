import { projectRoute } from "../../../../lib/api/project-route";
import { json } from "../../../../lib/api/responses";
import { readJsonObject } from "../../../../lib/api/read-json";
import { stopSynthesis } from "../../../../lib/synthesis/synthesis-runs";

export const dynamic = "force-dynamic";

/** GET /api/projects/:projectId: the project and its sample counts. */
export const GET = projectRoute(({ store, projectId }) =>
  json({ project: store.getProject(projectId), counts: store.countSamples(projectId) }),
);

/** PATCH /api/projects/:projectId {name}: renames the project (the phrase stays). */
export const PATCH = projectRoute(async ({ request, store, projectId }) => {
  const body = await readJsonObject(request, '{"name": "Kitchen speaker"}');
  return json({ project: store.renameProject(projectId, body.name) });
});

/** DELETE /api/projects/:projectId: the project, its samples and files (a running synthesis is stopped first). */
export const DELETE = projectRoute(
  async ({ store, projectId }) => {
    await stopSynthesis(projectId);
    await store.deleteProject(projectId);
    return new Response(null, { status: 204 });
  },
  { requireProject: true },
);
