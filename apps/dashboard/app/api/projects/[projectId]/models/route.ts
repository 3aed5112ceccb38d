import { projectRoute } from "../../../../../lib/api/project-route";
import { json } from "../../../../../lib/api/responses";
import { readModelUpload } from "../../../../../lib/models/read-model-upload";

export const dynamic = "force-dynamic";

/** GET /api/projects/:projectId/models: the project's trained models, newest first. */
export const GET = projectRoute(({ store, projectId }) =>
  json({ models: store.listModels(projectId) }),
);

/**
 * POST /api/projects/:projectId/models (multipart/form-data: one `file` field per file of the
 * model directory, named as in it): stores a model trained in the page, with the calibrated
 * threshold and metrics from its wakeforge.json and metrics.json. 422 INVALID_MODEL when the
 * directory is incomplete, for another phrase, or its weights do not match model.json.
 */
export const POST = projectRoute(async ({ request, store, projectId }) => {
  const { phrase } = store.getProject(projectId);
  const model = await store.addModel(projectId, await readModelUpload(request, phrase));
  return json({ model }, 201);
});
