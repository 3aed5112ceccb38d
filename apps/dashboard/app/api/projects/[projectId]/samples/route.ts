import { projectRoute } from "../../../../../lib/api/project-route";
import { json } from "../../../../../lib/api/responses";
import { ingestUploads } from "../../../../../lib/uploads/ingest-uploads";
import { readUploadForm } from "../../../../../lib/uploads/read-upload-form";

export const dynamic = "force-dynamic";

/** GET /api/projects/:projectId/samples: every sample, newest first, and the counts per label. */
export const GET = projectRoute(({ store, projectId }) =>
  json({ samples: store.listSamples(projectId), counts: store.countSamples(projectId) }),
);

/**
 * POST /api/projects/:projectId/samples (multipart/form-data: `file` one or more times,
 * `label` positive|negative|background, `source` uploaded|recorded): adds the files as 16 kHz
 * mono WAV, all or none; answers the samples added and the new counts. A refused file answers
 * 413, 415 or 422 with `error.files`.
 */
export const POST = projectRoute(
  async ({ request, store, projectId }) => {
    const upload = await readUploadForm(request);
    const samples = await ingestUploads(store, projectId, upload);
    return json({ samples, counts: store.countSamples(projectId) }, 201);
  },
  { requireProject: true },
);
