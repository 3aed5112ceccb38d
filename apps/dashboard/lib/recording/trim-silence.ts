// Cuts the silence before and after a recorded phrase, keeping a little air around the speech
// (a wake word's onset and decay matter to the detector). Judged per 10 ms frame against the
// loudest frame, so it works for a quiet voice in a quiet room as for a loud one.
import { FLOOR_DB, rmsDb } from "./levels";

export interface TrimSilenceOptions {
  /** Frames this far below the loudest count as silence. Default 35 dB. */
  readonly belowPeakDb?: number;
  /** Frames quieter than this are silence whatever the peak. Default −60 dBFS. */
  readonly absoluteFloorDb?: number;
  /** Kept before the first sound. Default 150 ms. */
  readonly leadMs?: number;
  /** Kept after the last sound. Default 250 ms. */
  readonly tailMs?: number;
}

export interface TrimResult {
  /** First sample kept. */
  readonly start: number;
  /** One past the last sample kept. */
  readonly end: number;
  /** Nothing rose above the floor: the recording is (almost) silent and was not trimmed. */
  readonly silent: boolean;
}

const FRAME_MS = 10;

export function findSpeech(
  samples: Float32Array,
  sampleRateHz: number,
  options: TrimSilenceOptions = {},
): TrimResult {
  const frame = Math.max(1, Math.round((sampleRateHz * FRAME_MS) / 1000));
  const frames = Math.ceil(samples.length / frame);
  const levels = Array.from({ length: frames }, (_, f) =>
    rmsDb(samples, f * frame, Math.min(samples.length, (f + 1) * frame)),
  );
  const loudest = levels.reduce((max, v) => Math.max(max, v), FLOOR_DB);
  const floor = options.absoluteFloorDb ?? -60;
  if (loudest < floor) return { start: 0, end: samples.length, silent: true };
  const threshold = Math.max(loudest - (options.belowPeakDb ?? 35), floor);
  const first = levels.findIndex((v) => v >= threshold);
  const last = levels.length - 1 - [...levels].reverse().findIndex((v) => v >= threshold);
  const lead = Math.round((sampleRateHz * (options.leadMs ?? 150)) / 1000);
  const tail = Math.round((sampleRateHz * (options.tailMs ?? 250)) / 1000);
  return {
    start: Math.max(0, first * frame - lead),
    end: Math.min(samples.length, (last + 1) * frame + tail),
    silent: false,
  };
}

/** `samples` without the silence around the speech (a copy). */
export function trimSilence(
  samples: Float32Array,
  sampleRateHz: number,
  options: TrimSilenceOptions = {},
): Float32Array {
  const { start, end } = findSpeech(samples, sampleRateHz, options);
  return samples.slice(start, end);
}
