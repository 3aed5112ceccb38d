import { projectRoute, type SampleParams } from "../../../../../../lib/api/project-route";
import { json } from "../../../../../../lib/api/responses";
import { readJsonObject } from "../../../../../../lib/api/read-json";

export const dynamic = "force-dynamic";

/** GET /api/projects/:projectId/samples/:sampleId: the sample's details. */
export const GET = projectRoute<SampleParams>(({ store, projectId, sampleId }) =>
  json({ sample: store.getSample(projectId, sampleId) }),
);

/** PATCH … {label}: moves the sample to positive, negative or background. */
export const PATCH = projectRoute<SampleParams>(async ({ request, store, projectId, sampleId }) => {
  const body = await readJsonObject(request, '{"label": "negative"}');
  const sample = store.relabelSample(projectId, sampleId, body.label);
  return json({ sample, counts: store.countSamples(projectId) });
});

/** DELETE …: removes the sample and its file; answers the new counts. */
export const DELETE = projectRoute<SampleParams>(async ({ store, projectId, sampleId }) => {
  await store.deleteSample(projectId, sampleId);
  return json({ counts: store.countSamples(projectId) });
});
