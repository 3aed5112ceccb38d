import { IMMUTABLE } from "../../../../../../../lib/api/file-response";
import { handle } from "../../../../../../../lib/api/responses";
import { getStore } from "../../../../../../../lib/store/server-store";
import { logMelPng } from "../../../../../../../lib/thumbnails/log-mel-png";
import { readSampleAudio } from "../../../../../../../lib/thumbnails/sample-audio";

export const dynamic = "force-dynamic";

interface Context {
  readonly params: Promise<{ projectId: string; sampleId: string }>;
}

/** GET …/log-mel: the 32-band log-mel spectrogram the model hears, as a PNG thumbnail. */
export function GET(_request: Request, { params }: Context): Promise<Response> {
  return handle(async () => {
    const { projectId, sampleId } = await params;
    const samples = await readSampleAudio((await getStore()).sampleFile(projectId, sampleId));
    return new Response(logMelPng(samples), {
      headers: { "content-type": "image/png", "cache-control": IMMUTABLE },
    });
  });
}
