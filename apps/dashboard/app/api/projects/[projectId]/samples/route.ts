import { handle, json } from "../../../../../lib/api/responses";
import { getStore } from "../../../../../lib/store/server-store";
import { ingestUploads } from "../../../../../lib/uploads/ingest-uploads";
import { readUploadForm } from "../../../../../lib/uploads/read-upload-form";

export const dynamic = "force-dynamic";

interface Context {
  readonly params: Promise<{ projectId: string }>;
}

/** GET /api/projects/:projectId/samples: every sample, newest first, and the counts per label. */
export function GET(_request: Request, { params }: Context): Promise<Response> {
  return handle(async () => {
    const { projectId } = await params;
    const store = await getStore();
    return json({ samples: store.listSamples(projectId), counts: store.countSamples(projectId) });
  });
}

/**
 * POST /api/projects/:projectId/samples (multipart/form-data: `file` one or more times,
 * `label` positive|negative|background, `source` uploaded|recorded): adds the files as 16 kHz
 * mono WAV, all or none; answers the samples added and the new counts. A refused file answers
 * 413, 415 or 422 with `error.files`.
 */
export function POST(request: Request, { params }: Context): Promise<Response> {
  return handle(async () => {
    const { projectId } = await params;
    const store = await getStore();
    store.getProject(projectId);
    const upload = await readUploadForm(request);
    const samples = await ingestUploads(store, projectId, upload);
    return json({ samples, counts: store.countSamples(projectId) }, 201);
  });
}
