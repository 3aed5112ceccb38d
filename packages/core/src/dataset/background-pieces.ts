// Long background audio (an hour of generated speech, a recording of the room) as training
// material: pieces of a minute or so, each its own "speaker", so that a speaker-disjoint split
// holds out whole pieces for validation instead of a whole file or nothing.
import { SAMPLE_RATE_HZ } from "@wakeforge/audio";
import type { DatasetClip } from "./dataset-types.js";

/** Default piece length: long enough for many windows, short enough to split 80/20. */
export const DEFAULT_BACKGROUND_PIECE_SECONDS = 60;

/**
 * Cuts each clip into pieces of `pieceSeconds` (a last piece shorter than half of that joins the
 * one before). Pieces share the clip's samples (no copy) and get ids and speakers `<id>#<k>`.
 */
export function cutIntoBackgroundPieces(
  clips: readonly DatasetClip[],
  pieceSeconds = DEFAULT_BACKGROUND_PIECE_SECONDS,
): DatasetClip[] {
  if (!(pieceSeconds > 0)) throw new RangeError(`pieceSeconds must be > 0, got ${pieceSeconds}`);
  const piece = Math.round(pieceSeconds * SAMPLE_RATE_HZ);
  return clips.flatMap((clip) => {
    const count = Math.max(1, Math.round(clip.samples.length / piece));
    if (count === 1) return [{ ...clip, kind: "background" as const }];
    return Array.from({ length: count }, (_, k) => ({
      ...clip,
      kind: "background" as const,
      id: `${clip.id}#${k + 1}`,
      speakerId: `${clip.speakerId}#${k + 1}`,
      samples: clip.samples.subarray(
        k * piece,
        k === count - 1 ? clip.samples.length : (k + 1) * piece,
      ),
    }));
  });
}
