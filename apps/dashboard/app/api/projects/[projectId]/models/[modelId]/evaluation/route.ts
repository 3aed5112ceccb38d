import { projectRoute } from "../../../../../../../lib/api/project-route";
import { readJsonObject } from "../../../../../../../lib/api/read-json";
import { json } from "../../../../../../../lib/api/responses";
import {
  cancelEvaluation,
  evaluationStatus,
  parseThresholdChoice,
  startEvaluation,
} from "../../../../../../../lib/evaluation/evaluation-runs";

export const dynamic = "force-dynamic";

type Params = { projectId: string; modelId: string };

/** GET …/models/:modelId/evaluation: the running evaluation, or the last one (`run: null` if none). */
export const GET = projectRoute<Params>(({ store, projectId, modelId }) => {
  store.getModel(projectId, modelId);
  return json({ run: evaluationStatus(projectId, modelId) });
});

/**
 * POST …/evaluation `{}` (the model's own threshold) or `{ targetFalseAcceptsPerHour }` (the
 * lowest threshold meeting that budget on the streamed negatives): starts evaluating on the
 * project's held-out audio and answers 202 at once; poll GET for progress and the report.
 * 409 EVALUATION_RUNNING while the project evaluates another model.
 */
export const POST = projectRoute<Params>(async ({ request, store, projectId, modelId }) => {
  store.getModel(projectId, modelId);
  const choice = parseThresholdChoice(
    await readJsonObject(request, '{} or {"targetFalseAcceptsPerHour": 0.5}'),
  );
  return json({ run: await startEvaluation(store, projectId, modelId, choice) }, 202);
});

/** DELETE …/evaluation: cancels the running evaluation. */
export const DELETE = projectRoute<Params>(({ store, projectId, modelId }) => {
  store.getModel(projectId, modelId);
  return json({ run: cancelEvaluation(projectId, modelId) });
});
