import { handle, json } from "../../../../../../lib/api/responses";
import { readJsonObject } from "../../../../../../lib/api/read-json";
import { getStore } from "../../../../../../lib/store/server-store";

export const dynamic = "force-dynamic";

interface Context {
  readonly params: Promise<{ projectId: string; sampleId: string }>;
}

/** GET /api/projects/:projectId/samples/:sampleId: the sample's details. */
export function GET(_request: Request, { params }: Context): Promise<Response> {
  return handle(async () => {
    const { projectId, sampleId } = await params;
    return json({ sample: (await getStore()).getSample(projectId, sampleId) });
  });
}

/** PATCH … {label}: moves the sample to positive, negative or background. */
export function PATCH(request: Request, { params }: Context): Promise<Response> {
  return handle(async () => {
    const { projectId, sampleId } = await params;
    const body = await readJsonObject(request, '{"label": "negative"}');
    const store = await getStore();
    const sample = store.relabelSample(projectId, sampleId, body.label);
    return json({ sample, counts: store.countSamples(projectId) });
  });
}

/** DELETE …: removes the sample and its file; answers the new counts. */
export function DELETE(_request: Request, { params }: Context): Promise<Response> {
  return handle(async () => {
    const { projectId, sampleId } = await params;
    const store = await getStore();
    await store.deleteSample(projectId, sampleId);
    return json({ counts: store.countSamples(projectId) });
  });
}
