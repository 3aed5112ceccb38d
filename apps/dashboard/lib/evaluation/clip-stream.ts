// Short clips joined into one long stream, so false accepts per hour are counted the way a
// listening detector meets audio: continuously, with its refractory period, and no clip too
// short to fill the head's 1.3 s window. The offsets trace each false accept back to its clip.
// Quiet room tone before the first clip lasts as long as the detector needs before its first
// score, and after the last clip lets it hear that clip end (its score often peaks just after
// a phrase), so the first and last clips are heard like the others.
import { createSeededRandom } from "@wakeforge/audio";

/** Level of the room tone: quiet, but never digital silence (as core pads clips). */
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

export interface JoinOptions {
  /** Room tone before the first clip. Default 0. */
  readonly leadSeconds?: number;
  /** Room tone after the last clip. Default 0. */
  readonly tailSeconds?: number;
}

/**
 * The clips end to end, in order, at `sampleRateHz`, between room tone (none when there are no
 * clips).
 */
export function joinClips(
  clips: readonly StreamClip[],
  sampleRateHz: number,
  options: JoinOptions = {},
): ClipStream {
  const padding = (seconds = 0) => (clips.length > 0 ? Math.round(seconds * sampleRateHz) : 0);
  const lead = padding(options.leadSeconds);
  const tail = padding(options.tailSeconds);
  const total = lead + clips.reduce((sum, clip) => sum + clip.samples.length, 0) + tail;
  const samples = new Float32Array(total);
  const random = createSeededRandom("clip-stream room tone");
  const tone = () => (random.next() - 0.5) * 2 * ROOM_TONE_LEVEL;
  for (let i = 0; i < lead; i += 1) samples[i] = tone();
  for (let i = total - tail; i < total; i += 1) samples[i] = tone();
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
 * The clip a score at `seconds` into the stream belongs to: the last one to start before the
 * end of the audio it heard (so a score just after a clip, in the next one's first moments or in
 * the closing room tone, is that clip's), and how long after its start; undefined in the lead.
 */
export function clipStartedBefore(
  spans: readonly ClipSpan[],
  seconds: number,
): { readonly id: string; readonly offsetSeconds: number } | undefined {
  let lo = 0;
  let hi = spans.length - 1;
  let found: ClipSpan | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = spans[mid] as ClipSpan;
    if (span.startSeconds < seconds) {
      found = span;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found && { id: found.id, offsetSeconds: seconds - found.startSeconds };
}
