// The waveform and log-mel routes: a picture drawn from a stored sample's audio, cached for good
// because a sample's audio never changes under its id.
import { IMMUTABLE } from "../api/file-response";
import { projectRoute, type SampleParams } from "../api/project-route";
import { readSampleAudio } from "./sample-audio";

/** A GET handler answering `draw(samples)` of the URL's sample as `contentType`. */
export function thumbnailRoute(
  draw: (samples: Float32Array) => BodyInit,
  contentType: string,
): ReturnType<typeof projectRoute<SampleParams>> {
  return projectRoute<SampleParams>(async ({ store, projectId, sampleId }) => {
    const samples = await readSampleAudio(store.sampleFile(projectId, sampleId));
    return new Response(draw(samples), {
      headers: { "content-type": contentType, "cache-control": IMMUTABLE },
    });
  });
}
