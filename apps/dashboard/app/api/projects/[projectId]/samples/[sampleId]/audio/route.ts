import { fileResponse } from "../../../../../../../lib/api/file-response";
import { handle } from "../../../../../../../lib/api/responses";
import { getStore } from "../../../../../../../lib/store/server-store";

export const dynamic = "force-dynamic";

interface Context {
  readonly params: Promise<{ projectId: string; sampleId: string }>;
}

/** GET …/audio: the sample as stored (16 kHz mono WAV), with byte ranges for seeking. */
export function GET(request: Request, { params }: Context): Promise<Response> {
  return handle(async () => {
    const { projectId, sampleId } = await params;
    const path = (await getStore()).sampleFile(projectId, sampleId);
    return fileResponse(request, path, "audio/wav");
  });
}
