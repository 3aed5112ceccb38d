import { thumbnailRoute } from "../../../../../../../lib/thumbnails/thumbnail-route";
import { waveformSvg } from "../../../../../../../lib/thumbnails/waveform-svg";

export const dynamic = "force-dynamic";

/** GET …/waveform: the waveform as an SVG thumbnail (scales to any width). */
export const GET = thumbnailRoute((samples) => waveformSvg(samples), "image/svg+xml");
