// The compiled chain (inference-chain.ts) for live audio: frames arrive a few at a time and each
// layer computes only its new output rows, keeping the few input rows its next rows still need
// (kernel height − 1 for a convolution, the unpaired row for a pooling). Because the base is
// fully convolutional along time, the rows that come out are exactly those of one pass over all
// the frames so far; each 80 ms chunk costs about an eighth of a whole 76-frame window.
import * as tf from "@tensorflow/tfjs";
import { DirectKernels } from "../backends/direct-kernels.js";
import { planInferenceChain, type ChainStep } from "./inference-chain.js";

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

const rows = (x: tf.TensorInfo) => x.shape[1] as number;

/** A step as a kernel call: the kernel and attributes the ops of applyStep run. */
interface StepKernel {
  readonly name: string;
  readonly attrs: tf.NamedAttrMap;
}

function stepKernel(step: ChainStep): StepKernel {
  switch (step.kind) {
    case "conv": {
      const leaky = step.leakyAlpha !== undefined;
      const attrs: tf.NamedAttrMap = {
        strides: step.strides,
        pad: step.pad,
        dataFormat: "NHWC",
        dilations: [1, 1],
        activation: leaky ? "leakyrelu" : "linear",
      };
      if (leaky) attrs.leakyreluAlpha = step.leakyAlpha as number;
      return { name: "FusedConv2D", attrs };
    }
    case "leakyRelu":
      return { name: "LeakyRelu", attrs: { alpha: step.alpha } };
    case "floor":
      return { name: "ClipByValue", attrs: { clipValueMin: step.value, clipValueMax: Infinity } };
    case "maxPool":
      return {
        name: "MaxPool",
        attrs: { filterSize: step.size, strides: step.strides, pad: "valid" },
      };
    case "reshape":
      // The batch dimension comes first; −1 for the rest keeps it whatever the push size.
      return { name: "Reshape", attrs: { shape: [1, ...step.target] } };
  }
}

/** Runs one step on `x` (batch 1); a convolution reads its layer's weights now. */
function runStepKernel(
  kernels: DirectKernels,
  step: ChainStep,
  call: StepKernel,
  x: tf.TensorInfo,
): tf.TensorInfo {
  if (step.kind !== "conv") return kernels.run(call.name, { x }, call.attrs);
  const [kernel, bias] = step.layer.weights;
  const inputs: tf.NamedTensorInfoMap = { x, filter: kernel?.read() as tf.Tensor };
  if (bias) inputs.bias = bias.read();
  return kernels.run(call.name, inputs, call.attrs);
}

/**
 * Runs on the backend's kernels directly (see DirectKernels): per chunk the chain is ~90 tiny
 * kernels, and through ops the engine's bookkeeping cost as much as half the convolutions. The
 * held rows live on the backend, outside the engine's count, until `reset`.
 */
export class IncrementalChain {
  /** Per step, the input rows held back from earlier pushes, if any. */
  private readonly held: (tf.TensorInfo | undefined)[];
  private readonly calls: readonly StepKernel[];
  private kernels: DirectKernels | undefined;

  private constructor(
    private readonly steps: readonly ChainStep[],
    private readonly bands: number,
    private readonly options: { heapCopies?: boolean },
  ) {
    this.held = steps.map(() => undefined);
    this.calls = steps.map(stepKernel);
  }

  /**
   * The streaming form of `model` (input [N, T, bands, 1], output [N, T', dims]), or undefined
   * when it does not compile or a layer pads or strides across time.
   */
  static create(
    model: tf.LayersModel,
    options: { heapCopies?: boolean } = {},
  ): IncrementalChain | undefined {
    const steps = planInferenceChain(model);
    const bands = model.inputs[0]?.shape[2];
    if (!steps || typeof bands !== "number" || !steps.every(streamable)) return undefined;
    return new IncrementalChain(steps, bands, options);
  }

  /** Adds `frameCount` frames (row-major, `bands` values each); returns the new output rows. */
  push(frames: Float32Array, frameCount: number): { values: Float32Array; count: number } {
    if (frameCount === 0) return { values: new Float32Array(0), count: 0 };
    const kernels = this.kernelsOfCurrentBackend();
    let x: tf.TensorInfo | undefined = kernels.upload(frames.subarray(0, frameCount * this.bands), [
      1,
      frameCount,
      this.bands,
      1,
    ]);
    for (let i = 0; i < this.steps.length && x; i += 1) {
      x = this.runStep(kernels, i, x);
    }
    if (!x) return { values: new Float32Array(0), count: 0 };
    const values = kernels.download(x);
    kernels.release(x);
    return { values, count: rows(x) };
  }

  /** Forgets all held rows, ready for a new signal. */
  reset(): void {
    for (const info of this.held) if (info) this.kernels?.release(info);
    this.held.fill(undefined);
  }

  /**
   * The kernels of the current backend. Held rows made on another backend (tf.setBackend was
   * called between pushes) move over, so the stream goes on where it was.
   */
  private kernelsOfCurrentBackend(): DirectKernels {
    const previous = this.kernels;
    if (previous?.backendName === tf.getBackend()) return previous;
    const kernels = new DirectKernels(this.options);
    this.held.forEach((info, i) => {
      if (!info || !previous) return;
      this.held[i] = kernels.upload(previous.download(info), info.shape);
      previous.release(info);
    });
    this.kernels = kernels;
    return kernels;
  }

  /**
   * One step on its held rows plus `x`, which it takes over (releases or holds); the new output
   * rows, or undefined when no output row is complete yet.
   */
  private runStep(kernels: DirectKernels, i: number, x: tf.TensorInfo): tf.TensorInfo | undefined {
    const step = this.steps[i] as ChainStep;
    const call = this.calls[i] as StepKernel;
    const hold = heldRows(step);
    if (hold === 0) {
      const output = runStepKernel(kernels, step, call, x);
      kernels.release(x);
      return output;
    }
    const previous = this.held[i];
    const input = previous ? kernels.concatRows(previous, x) : x;
    const total = rows(input);
    // Rows usable now: a convolution's valid rows; a pooling's whole windows.
    const usable = step.kind === "maxPool" ? total - (total % step.size[0]) : total;
    const keepFrom = step.kind === "maxPool" ? usable : Math.max(0, total - hold);
    // Rows to hold that all came in `x` are sliced from it: x alone is often exactly them.
    const fromX = total - rows(x);
    this.held[i] =
      keepFrom === total
        ? undefined
        : keepFrom >= fromX
          ? kernels.rows(x, keepFrom - fromX, total - keepFrom)
          : kernels.rows(input, keepFrom, total - keepFrom);
    if (previous) kernels.release(previous);
    let output: tf.TensorInfo | undefined;
    if (step.kind === "maxPool") {
      if (usable > 0) {
        const whole = kernels.rows(input, 0, usable);
        output = runStepKernel(kernels, step, call, whole);
        kernels.release(whole);
      }
    } else if (total > hold) {
      output = runStepKernel(kernels, step, call, input);
    }
    if (input !== x) kernels.release(input);
    kernels.release(x);
    return output;
  }
}
