import { logMelPng } from "../../../../../../../lib/thumbnails/log-mel-png";
import { thumbnailRoute } from "../../../../../../../lib/thumbnails/thumbnail-route";

export const dynamic = "force-dynamic";

/** GET …/log-mel: the 32-band log-mel spectrogram the model hears, as a PNG thumbnail. */
export const GET = thumbnailRoute((samples) => logMelPng(samples), "image/png");
