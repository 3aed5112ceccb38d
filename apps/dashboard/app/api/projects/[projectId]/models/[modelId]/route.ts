import { projectRoute } from "../../../../../../lib/api/project-route";
import { json } from "../../../../../../lib/api/responses";

export const dynamic = "force-dynamic";

interface ModelParams {
  projectId: string;
  modelId: string;
}

/** GET /api/projects/:projectId/models/:modelId: the model's record (files, metrics, threshold). */
export const GET = projectRoute<ModelParams>(({ store, projectId, modelId }) =>
  json({ model: store.getModel(projectId, modelId) }),
);

/** DELETE …: removes the model's record and its directory. */
export const DELETE = projectRoute<ModelParams>(async ({ store, projectId, modelId }) => {
  await store.deleteModel(projectId, modelId);
  return new Response(null, { status: 204 });
});
