import {
  MEL_BAND_COUNT,
  computeLogMel,
  toBaseNetworkInput,
  toInt16Scale,
  type LogMel,
} from "@wakeforge/audio";
import { EMBEDDING_FIRST_FRAME, PRE_ROLL_SAMPLES } from "./feature-timeline.js";

/**
 * The base network's input for a 16 kHz clip (−1…1): log-mel after the pre-roll, scaled
 * x/10 + 2, starting at the first embedding window's first frame (see feature-timeline.ts).
 */
export function baseInputForClip(
  samples: Float32Array,
  options: { fileName?: string } = {},
): LogMel {
  const padded = new Float32Array(PRE_ROLL_SAMPLES + samples.length);
  padded.set(samples, PRE_ROLL_SAMPLES);
  const logMel = toBaseNetworkInput(computeLogMel(toInt16Scale(padded), options), {
    inPlace: true,
  });
  const skip = Math.min(EMBEDDING_FIRST_FRAME, logMel.frameCount);
  return {
    frames: logMel.frames.subarray(skip * MEL_BAND_COUNT),
    frameCount: logMel.frameCount - skip,
  };
}
