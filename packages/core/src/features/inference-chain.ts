// Inference for the base network without the Layers machinery: its chain of layers turned once
// into a plan of TensorFlow.js ops, with the mel-axis zero padding folded into the convolution
// that follows (an explicit conv padding instead of a PadV2 op), each LeakyReLU fused into its
// convolution, and the floor at −0.4 as ClipByValue instead of a broadcast Maximum. On the wasm
// backend PadV2, LeakyRelu and Maximum took more time than the convolutions themselves.
// Weights are read from the layers' variables at every call, so training them stays visible.
import * as tf from "@tensorflow/tfjs";
import type { MaxClamp } from "../onnx/custom-layers.js";

type ExplicitPadding = [[number, number], [number, number], [number, number], [number, number]];

/** One op of a compiled chain. Tensors are [N, time, bands, channels]. */
export type ChainStep =
  | {
      readonly kind: "conv";
      readonly layer: tf.layers.Layer;
      readonly pad: ExplicitPadding | "valid";
      readonly strides: [number, number];
      /** Kernel height: the input rows (frames) each output row reads. */
      readonly kernelRows: number;
      leakyAlpha?: number;
    }
  | { readonly kind: "leakyRelu"; readonly alpha: number }
  | { readonly kind: "floor"; readonly value: number }
  | {
      readonly kind: "maxPool";
      readonly size: [number, number];
      readonly strides: [number, number];
    }
  | { readonly kind: "reshape"; readonly target: readonly number[] };

/** A compiled chain: input [N, T, bands, 1] → the model's output, as the model computes it. */
export type InferenceChain = (input: tf.Tensor4D) => tf.Tensor;

function pair(value: unknown, fallback: number): [number, number] {
  if (Array.isArray(value)) return [Number(value[0] ?? fallback), Number(value[1] ?? fallback)];
  if (typeof value === "number") return [value, value];
  return [fallback, fallback];
}

/** Runs one step (a reshape keeps the batch dimension first). */
export function applyStep(step: ChainStep, x: tf.Tensor4D): tf.Tensor4D {
  switch (step.kind) {
    case "conv": {
      const [kernel, bias] = step.layer.weights;
      return tf.fused.conv2d({
        x,
        filter: kernel?.read() as tf.Tensor4D,
        strides: step.strides,
        pad: step.pad,
        ...(bias ? { bias: bias.read() } : {}),
        activation: step.leakyAlpha === undefined ? "linear" : "leakyrelu",
        ...(step.leakyAlpha === undefined ? {} : { leakyreluAlpha: step.leakyAlpha }),
      });
    }
    case "leakyRelu":
      return tf.leakyRelu(x, step.alpha);
    case "floor":
      return tf.clipByValue(x, step.value, Infinity);
    case "maxPool":
      return tf.maxPool(x, step.size, step.strides, "valid");
    case "reshape":
      return tf.reshape(x, [x.shape[0], ...step.target]) as unknown as tf.Tensor4D;
  }
}

/**
 * The steps of a chain of ZeroPadding2D, Conv2D (valid, linear), LeakyReLU, MaxClamp,
 * MaxPooling2D (valid) layers ending in at most one Reshape, or undefined when the model holds
 * anything else (the caller then runs the model itself). The model must be a single chain.
 */
export function planInferenceChain(model: tf.LayersModel): ChainStep[] | undefined {
  const steps: ChainStep[] = [];
  let pendingPad: ExplicitPadding | undefined;
  const [first, ...layers] = model.layers;
  if (first?.getClassName() !== "InputLayer") return undefined;
  for (const layer of layers) {
    if (steps.at(-1)?.kind === "reshape") return undefined; // the Reshape must be last
    const config = layer.getConfig();
    const className = layer.getClassName();
    if (pendingPad && className !== "Conv2D") return undefined;
    const last = steps.at(-1);
    switch (className) {
      case "ZeroPadding2D": {
        const [[top, bottom], [left, right]] = config.padding as [
          [number, number],
          [number, number],
        ];
        pendingPad = [
          [0, 0],
          [top, bottom],
          [left, right],
          [0, 0],
        ];
        break;
      }
      case "Conv2D": {
        const linear = config.activation === "linear" || config.activation === undefined;
        const dilation = pair(config.dilationRate, 1);
        if (config.padding !== "valid" || !linear || dilation[0] !== 1 || dilation[1] !== 1) {
          return undefined;
        }
        steps.push({
          kind: "conv",
          layer,
          pad: pendingPad ?? "valid",
          strides: pair(config.strides, 1),
          kernelRows: pair(config.kernelSize, 1)[0],
        });
        pendingPad = undefined;
        break;
      }
      case "LeakyReLU": {
        const alpha = Number(config.alpha);
        if (last?.kind === "conv" && last.leakyAlpha === undefined) last.leakyAlpha = alpha;
        else steps.push({ kind: "leakyRelu", alpha });
        break;
      }
      case "MaxClamp":
        steps.push({ kind: "floor", value: (layer as MaxClamp).value });
        break;
      case "MaxPooling2D": {
        if (config.padding !== "valid") return undefined;
        const size = pair(config.poolSize, 2);
        steps.push({ kind: "maxPool", size, strides: pair(config.strides, size[0]) });
        break;
      }
      case "Reshape":
        // Layers keep an inferred dimension as null; tf.reshape wants −1.
        steps.push({
          kind: "reshape",
          target: (config.targetShape as (number | null)[]).map((size) => size ?? -1),
        });
        break;
      default:
        return undefined;
    }
  }
  return pendingPad ? undefined : steps;
}

/** The model as one function over whole inputs, or undefined (see planInferenceChain). */
export function compileInferenceChain(model: tf.LayersModel): InferenceChain | undefined {
  const steps = planInferenceChain(model);
  if (!steps) return undefined;
  // Each intermediate is released as soon as the next exists: inside a caller's tidy they would
  // otherwise all live until its end, and a batch of long clips then outgrows the wasm heap.
  return (input) =>
    steps.reduce((x, step) => {
      const next = applyStep(step, x);
      if (x !== input && next !== x) x.dispose();
      return next;
    }, input);
}
