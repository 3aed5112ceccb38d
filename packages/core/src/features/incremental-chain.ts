// The compiled chain (inference-chain.ts) for live audio: frames arrive a few at a time and each
// layer computes only its new output rows, keeping the few input rows its next rows still need
// (kernel height − 1 for a convolution, the unpaired row for a pooling). Because the base is
// fully convolutional along time, the rows that come out are exactly those of one pass over all
// the frames so far; each 80 ms chunk costs about an eighth of a whole 76-frame window.
import * as tf from "@tensorflow/tfjs";
import { applyStep, planInferenceChain, type ChainStep } from "./inference-chain.js";

/** Rows a step must hold back between pushes, or 0 when it needs none. */
function heldRows(step: ChainStep): number {
  if (step.kind === "conv") return step.kernelRows - 1;
  if (step.kind === "maxPool") return step.size[0] - 1;
  return 0;
}

/** Whether a step can run on a part of the time axis: no padding or striding across time. */
function streamable(step: ChainStep): boolean {
  if (step.kind === "conv") {
    const timePadding = step.pad === "valid" ? [0, 0] : step.pad[1];
    return step.strides[0] === 1 && timePadding[0] === 0 && timePadding[1] === 0;
  }
  if (step.kind === "maxPool") return step.size[0] === step.strides[0];
  return true;
}

const rows = (x: tf.Tensor) => x.shape[1] as number;

export class IncrementalChain {
  /** Per step, the input rows held back from earlier pushes (kept tensors), if any. */
  private readonly held: (tf.Tensor4D | undefined)[];

  private constructor(
    private readonly steps: readonly ChainStep[],
    private readonly bands: number,
  ) {
    this.held = steps.map(() => undefined);
  }

  /**
   * The streaming form of `model` (input [N, T, bands, 1], output [N, T', dims]), or undefined
   * when it does not compile or a layer pads or strides across time.
   */
  static create(model: tf.LayersModel): IncrementalChain | undefined {
    const steps = planInferenceChain(model);
    const bands = model.inputs[0]?.shape[2];
    if (!steps || typeof bands !== "number" || !steps.every(streamable)) return undefined;
    return new IncrementalChain(steps, bands);
  }

  /** Adds `frameCount` frames (row-major, `bands` values each); returns the new output rows. */
  push(frames: Float32Array, frameCount: number): { values: Float32Array; count: number } {
    if (frameCount === 0) return { values: new Float32Array(0), count: 0 };
    const replaced: tf.Tensor[] = [];
    const output = tf.tidy(() => {
      let x: tf.Tensor4D | undefined = tf.tensor4d(frames.subarray(0, frameCount * this.bands), [
        1,
        frameCount,
        this.bands,
        1,
      ]);
      for (let i = 0; i < this.steps.length && x; i += 1) {
        x = this.runStep(i, x, replaced);
      }
      return x ? tf.keep(x) : undefined;
    });
    tf.dispose(replaced);
    if (!output) return { values: new Float32Array(0), count: 0 };
    const values = output.dataSync() as Float32Array;
    const count = rows(output);
    output.dispose();
    return { values, count };
  }

  /** Forgets all held rows, ready for a new signal. */
  reset(): void {
    tf.dispose(this.held.filter((t): t is tf.Tensor4D => t !== undefined));
    this.held.fill(undefined);
  }

  /** One step on its held rows plus `x`; undefined when no output row is complete yet. */
  private runStep(i: number, x: tf.Tensor4D, replaced: tf.Tensor[]): tf.Tensor4D | undefined {
    const step = this.steps[i] as ChainStep;
    const hold = heldRows(step);
    if (hold === 0) return applyStep(step, x);
    const previous = this.held[i];
    const input = previous ? tf.concat([previous, x], 1) : x;
    const total = rows(input);
    // Rows usable now: a convolution's valid rows; a pooling's whole windows.
    const usable = step.kind === "maxPool" ? total - (total % step.size[0]) : total;
    const keepFrom = step.kind === "maxPool" ? usable : Math.max(0, total - hold);
    if (previous) replaced.push(previous);
    this.held[i] =
      keepFrom < total ? tf.keep(input.slice([0, keepFrom], [-1, total - keepFrom])) : undefined;
    if (step.kind === "maxPool") {
      if (usable === 0) return undefined;
      return applyStep(step, usable === total ? input : input.slice([0, 0], [-1, usable]));
    }
    return total <= hold ? undefined : applyStep(step, input);
  }
}
