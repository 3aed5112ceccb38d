// Which stretch of the live stream becomes a sample when a person corrects the detector.

/** Seconds of audio saved per correction: about one phrase with a little room either side. */
export const CORRECTION_CLIP_SECONDS = 2;

/**
 * Of a false wake's clip, the seconds after the detection: a detection's time is the end of the
 * audio that fired, so the sound that fooled the detector lies mostly before it.
 */
export const AFTER_DETECTION_SECONDS = 0.25;

export interface ClipWindow {
  readonly fromSeconds: number;
  readonly toSeconds: number;
}

/** The audio around a detection at `detectionSeconds` (stream time), to keep as a negative. */
export function falseWakeWindow(detectionSeconds: number): ClipWindow {
  const toSeconds = detectionSeconds + AFTER_DETECTION_SECONDS;
  return { fromSeconds: Math.max(0, toSeconds - CORRECTION_CLIP_SECONDS), toSeconds };
}
