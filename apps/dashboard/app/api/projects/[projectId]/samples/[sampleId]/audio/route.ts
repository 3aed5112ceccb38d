import { fileResponse } from "../../../../../../../lib/api/file-response";
import { projectRoute, type SampleParams } from "../../../../../../../lib/api/project-route";

export const dynamic = "force-dynamic";

/** GET …/audio: the sample as stored (16 kHz mono WAV), with byte ranges for seeking. */
export const GET = projectRoute<SampleParams>(({ request, store, projectId, sampleId }) =>
  fileResponse(request, store.sampleFile(projectId, sampleId), "audio/wav"),
);
