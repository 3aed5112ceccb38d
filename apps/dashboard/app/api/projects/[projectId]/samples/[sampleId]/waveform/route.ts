import { IMMUTABLE } from "../../../../../../../lib/api/file-response";
import { handle } from "../../../../../../../lib/api/responses";
import { getStore } from "../../../../../../../lib/store/server-store";
import { readSampleAudio } from "../../../../../../../lib/thumbnails/sample-audio";
import { waveformSvg } from "../../../../../../../lib/thumbnails/waveform-svg";

export const dynamic = "force-dynamic";

interface Context {
  readonly params: Promise<{ projectId: string; sampleId: string }>;
}

/** GET …/waveform: the waveform as an SVG thumbnail (scales to any width). */
export function GET(_request: Request, { params }: Context): Promise<Response> {
  return handle(async () => {
    const { projectId, sampleId } = await params;
    const samples = await readSampleAudio((await getStore()).sampleFile(projectId, sampleId));
    return new Response(waveformSvg(samples), {
      headers: { "content-type": "image/svg+xml", "cache-control": IMMUTABLE },
    });
  });
}
