// Streaming log-mel: chunks of any size in, whole 8-frame groups out, bit-identical to
// computeLogMel over the concatenated signal (same per-frame code, same clip code).

import {
  FFT_SIZE_SAMPLES,
  HOP_SIZE_SAMPLES,
  LOG_MEL_CLIP_GROUP_FRAMES,
  MEL_BAND_COUNT,
} from "../constants.js";
import { clipGroupToTopDb, LogMelFrameComputer } from "./log-mel-frame.js";
import {
  assertFiniteSamples,
  logMelFrameCount,
  type LogMel,
  type LogMelOptions,
} from "./log-mel.js";

/** Samples the stream holds at most: the unfinished frame's tail plus room to copy input into. */
const BUFFER_CAPACITY_SAMPLES = 4 * FFT_SIZE_SAMPLES;
const GROUP_VALUES = LOG_MEL_CLIP_GROUP_FRAMES * MEL_BAND_COUNT;
const EMPTY: LogMel = Object.freeze({ frames: new Float32Array(0), frameCount: 0 });

/**
 * Log-mel of a signal that arrives in pieces. `push` takes chunks of any length and returns the
 * frames of every 8-frame group completed by it (group g is complete once 1280g + 1632 samples
 * have arrived); `flush` ends the signal, returns the trailing partial group and resets the
 * stream for a new signal. The frames of all pushes plus the flush equal `computeLogMel` of the
 * whole signal, value for value. Buffers are allocated once; each call allocates only its result.
 */
export class LogMelStream {
  private readonly computer = new LogMelFrameComputer();
  private readonly fileName: string | undefined;
  /** Samples from absolute position `bufferStart`, `bufferLength` of them. */
  private readonly buffer = new Float32Array(BUFFER_CAPACITY_SAMPLES);
  private bufferStart = 0;
  private bufferLength = 0;
  /** Unclipped frames of the group in progress. */
  private readonly group = new Float32Array(GROUP_VALUES);
  private groupFrames = 0;
  private nextFrame = 0;
  private received = 0;

  constructor(options: LogMelOptions = {}) {
    this.fileName = options.fileName;
  }

  /** Samples pushed since the start (or the last flush or reset). */
  get samplesReceived(): number {
    return this.received;
  }

  /**
   * Adds samples (16 kHz, int16 scale) and returns the newly completed groups' frames (a
   * multiple of 8, often 0). A chunk holding NaN or ±Infinity throws AudioError
   * NON_FINITE_SAMPLES and leaves the stream as it was.
   */
  push(chunk: Float32Array): LogMel {
    assertFiniteSamples(chunk, this.received, this.fileName);
    const framesAfter = logMelFrameCount(this.received + chunk.length);
    const groupsDone = Math.floor(this.nextFrame / LOG_MEL_CLIP_GROUP_FRAMES);
    const groupsAfter = Math.floor(framesAfter / LOG_MEL_CLIP_GROUP_FRAMES);
    const frameCount = (groupsAfter - groupsDone) * LOG_MEL_CLIP_GROUP_FRAMES;
    const frames = frameCount === 0 ? EMPTY.frames : new Float32Array(frameCount * MEL_BAND_COUNT);
    let written = 0;
    let taken = 0;
    while (taken < chunk.length) {
      const room = BUFFER_CAPACITY_SAMPLES - this.bufferLength;
      const count = Math.min(room, chunk.length - taken);
      this.buffer.set(chunk.subarray(taken, taken + count), this.bufferLength);
      this.bufferLength += count;
      taken += count;
      written = this.computeReadyFrames(frames, written);
    }
    this.received += chunk.length;
    return frameCount === 0 ? EMPTY : { frames, frameCount };
  }

  /** Ends the signal: returns the frames of the trailing partial group (0–7) and resets. */
  flush(): LogMel {
    const frameCount = this.groupFrames;
    let result = EMPTY;
    if (frameCount > 0) {
      const frames = new Float32Array(frameCount * MEL_BAND_COUNT);
      clipGroupToTopDb(this.group, 0, frames, 0, frameCount);
      result = { frames, frameCount };
    }
    this.reset();
    return result;
  }

  /** Forgets everything pushed so far, ready for a new signal. */
  reset(): void {
    this.bufferStart = 0;
    this.bufferLength = 0;
    this.groupFrames = 0;
    this.nextFrame = 0;
    this.received = 0;
  }

  /** Computes every frame the buffer holds whole, emits finished groups, drops used samples. */
  private computeReadyFrames(out: Float32Array, written: number): number {
    let at = written;
    let start = this.nextFrame * HOP_SIZE_SAMPLES - this.bufferStart;
    while (start + FFT_SIZE_SAMPLES <= this.bufferLength) {
      this.computer.computeFrame(this.buffer, start, this.group, this.groupFrames * MEL_BAND_COUNT);
      this.groupFrames += 1;
      this.nextFrame += 1;
      start += HOP_SIZE_SAMPLES;
      if (this.groupFrames === LOG_MEL_CLIP_GROUP_FRAMES) {
        clipGroupToTopDb(this.group, 0, out, at, LOG_MEL_CLIP_GROUP_FRAMES);
        at += GROUP_VALUES;
        this.groupFrames = 0;
      }
    }
    // Keep samples from the next frame's start on; earlier ones are no longer needed.
    const drop = Math.min(start, this.bufferLength);
    if (drop > 0) {
      this.buffer.copyWithin(0, drop, this.bufferLength);
      this.bufferLength -= drop;
      this.bufferStart += drop;
    }
    return at;
  }
}
