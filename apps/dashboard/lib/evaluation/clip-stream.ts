// Short clips joined into one long stream, so false accepts per hour are counted the way a
// listening detector meets audio: continuously, with its refractory period, and no clip too
// short to fill the head's 1.3 s window. The offsets trace each false accept back to its clip.
// The stream opens with quiet room tone as long as the detector needs before its first score,
// so the first clip is heard like the others.
import { createSeededRandom } from "@wakeforge/audio";

/** Level of the opening room tone: quiet, but never digital silence (as core pads clips). */
const ROOM_TONE_LEVEL = 1e-3;

export interface StreamClip {
  readonly id: string;
  /** Mono, 16 kHz, −1…1. */
  readonly samples: Float32Array;
}

export interface ClipSpan {
  readonly id: string;
  readonly startSeconds: number;
  readonly endSeconds: number;
}

export interface ClipStream {
  readonly samples: Float32Array;
  readonly spans: readonly ClipSpan[];
  readonly durationSeconds: number;
}

/**
 * The clips end to end, in order, at `sampleRateHz`, after `leadSeconds` of room tone (none
 * when there are no clips).
 */
export function joinClips(
  clips: readonly StreamClip[],
  sampleRateHz: number,
  leadSeconds = 0,
): ClipStream {
  const lead = clips.length > 0 ? Math.round(leadSeconds * sampleRateHz) : 0;
  const total = lead + clips.reduce((sum, clip) => sum + clip.samples.length, 0);
  const samples = new Float32Array(total);
  const random = createSeededRandom("clip-stream lead");
  for (let i = 0; i < lead; i += 1) samples[i] = (random.next() - 0.5) * 2 * ROOM_TONE_LEVEL;
  const spans: ClipSpan[] = [];
  let at = lead;
  for (const clip of clips) {
    samples.set(clip.samples, at);
    spans.push({
      id: clip.id,
      startSeconds: at / sampleRateHz,
      endSeconds: (at + clip.samples.length) / sampleRateHz,
    });
    at += clip.samples.length;
  }
  return { samples, spans, durationSeconds: total / sampleRateHz };
}

/**
 * The clip playing at `seconds` into the stream, and how far into it; undefined past the end.
 * A score's time is the end of the audio it heard, so it belongs to the clip that audio ends in.
 */
export function clipAt(
  spans: readonly ClipSpan[],
  seconds: number,
): { readonly id: string; readonly offsetSeconds: number } | undefined {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = spans[mid] as ClipSpan;
    if (seconds < span.startSeconds) hi = mid - 1;
    else if (seconds > span.endSeconds) lo = mid + 1;
    else return { id: span.id, offsetSeconds: seconds - span.startSeconds };
  }
  return undefined;
}
