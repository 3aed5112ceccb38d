// Inference for the base network without the Layers machinery: its chain of layers turned once
// into a list of TensorFlow.js ops, with the mel-axis zero padding folded into the convolution
// that follows (an explicit conv padding instead of a PadV2 op), each LeakyReLU fused into its
// convolution, and the floor at −0.4 as ClipByValue instead of a broadcast Maximum. On the wasm
// backend PadV2, LeakyRelu and Maximum took more time than the convolutions themselves.
// Weights are read from the layers' variables at every call, so training them stays visible.
import * as tf from "@tensorflow/tfjs";
import type { MaxClamp } from "../onnx/custom-layers.js";

type Op = (x: tf.Tensor4D) => tf.Tensor4D;
type ExplicitPadding = [[number, number], [number, number], [number, number], [number, number]];

/** A compiled chain: input [N, T, bands, 1] → the model's output, as the model computes it. */
export type InferenceChain = (input: tf.Tensor4D) => tf.Tensor;

interface PendingConv {
  readonly layer: tf.layers.Layer;
  readonly pad: ExplicitPadding | "valid";
  readonly strides: [number, number];
  leakyAlpha?: number;
}

function pair(value: unknown, fallback: number): [number, number] {
  if (Array.isArray(value)) return [Number(value[0] ?? fallback), Number(value[1] ?? fallback)];
  if (typeof value === "number") return [value, value];
  return [fallback, fallback];
}

/** A conv with its padding and (maybe) fused LeakyReLU. */
function convOp(conv: PendingConv): Op {
  const [kernel, bias] = conv.layer.weights;
  const activation = conv.leakyAlpha === undefined ? "linear" : "leakyrelu";
  return (x) =>
    tf.fused.conv2d({
      x,
      filter: kernel?.read() as tf.Tensor4D,
      strides: conv.strides,
      pad: conv.pad,
      ...(bias ? { bias: bias.read() } : {}),
      activation,
      ...(conv.leakyAlpha === undefined ? {} : { leakyreluAlpha: conv.leakyAlpha }),
    });
}

/**
 * The ops of a chain of ZeroPadding2D, Conv2D (valid, linear), LeakyReLU, MaxClamp, MaxPooling2D
 * (valid) layers ending in one Reshape, or undefined when the model holds anything else (the
 * caller then runs the model itself). The model must be a single chain from its one input.
 */
export function compileInferenceChain(model: tf.LayersModel): InferenceChain | undefined {
  const ops: Op[] = [];
  let pendingPad: ExplicitPadding | undefined;
  let conv: PendingConv | undefined;
  let reshapeTo: number[] | undefined;
  const flushConv = () => {
    if (conv) ops.push(convOp(conv));
    conv = undefined;
  };
  const [first, ...layers] = model.layers;
  if (first?.getClassName() !== "InputLayer") return undefined;
  for (const layer of layers) {
    if (reshapeTo) return undefined; // the Reshape must be last
    const config = layer.getConfig();
    switch (layer.getClassName()) {
      case "ZeroPadding2D": {
        flushConv();
        if (pendingPad) return undefined;
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
        flushConv();
        const linear = config.activation === "linear" || config.activation === undefined;
        const dilation = pair(config.dilationRate, 1);
        if (config.padding !== "valid" || !linear || dilation[0] !== 1 || dilation[1] !== 1) {
          return undefined;
        }
        conv = { layer, pad: pendingPad ?? "valid", strides: pair(config.strides, 1) };
        pendingPad = undefined;
        break;
      }
      case "LeakyReLU": {
        const alpha = Number(config.alpha);
        if (conv && conv.leakyAlpha === undefined) {
          conv.leakyAlpha = alpha;
        } else {
          flushConv();
          ops.push((x) => tf.leakyRelu(x, alpha));
        }
        break;
      }
      case "MaxClamp": {
        flushConv();
        const floor = (layer as MaxClamp).value;
        ops.push((x) => tf.clipByValue(x, floor, Infinity));
        break;
      }
      case "MaxPooling2D": {
        flushConv();
        if (config.padding !== "valid") return undefined;
        const size = pair(config.poolSize, 2);
        const strides = pair(config.strides, size[0]);
        ops.push((x) => tf.maxPool(x, size, strides, "valid"));
        break;
      }
      case "Reshape": {
        flushConv();
        // Layers keep an inferred dimension as null; tf.reshape wants −1.
        reshapeTo = (config.targetShape as (number | null)[]).map((size) => size ?? -1);
        break;
      }
      default:
        return undefined;
    }
    if (pendingPad && layer.getClassName() !== "ZeroPadding2D") return undefined;
  }
  flushConv();
  if (pendingPad) return undefined;
  const target = reshapeTo;
  return (input) => {
    let x = input;
    for (const op of ops) x = op(x);
    return target ? tf.reshape(x, [x.shape[0], ...target]) : x;
  };
}
