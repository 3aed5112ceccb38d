// Conv → [ZeroPadding2D] + Conv2D('valid'); MaxPool → MaxPooling2D. ONNX computes these in NCHW,
// tfjs in NHWC: inputs are brought to the "nhwc" layout and kernels are transposed
// from ONNX's [out, in, kh, kw] to tfjs's [kh, kw, in, out].
import * as tf from "@tensorflow/tfjs";
import type { OnnxNode } from "../onnx-graph.js";
import { intAttr, intsAttr, stringAttr } from "./attributes.js";
import type { ConversionContext, TensorValue } from "./context.js";
import { floatData } from "./context.js";

/** [top, bottom], [left, right] padding, from `pads` or `auto_pad`. */
function spatialPads(
  ctx: ConversionContext,
  node: OnnxNode,
  input: TensorValue,
  kernel: readonly [number, number],
  strides: readonly [number, number],
  dilations: readonly [number, number],
): [[number, number], [number, number]] {
  const autoPad = stringAttr(node, "auto_pad", "NOTSET");
  if (autoPad === "NOTSET") {
    const pads = intsAttr(node, "pads") ?? [0, 0, 0, 0];
    if (pads.length !== 4)
      throw ctx.error(node, `expected 4 pads for a 2-D op, got [${pads.join(",")}]`);
    const [top = 0, left = 0, bottom = 0, right = 0] = pads;
    return [
      [top, bottom],
      [left, right],
    ];
  }
  if (autoPad === "VALID")
    return [
      [0, 0],
      [0, 0],
    ];
  // SAME_UPPER / SAME_LOWER: output size ceil(in / stride); the odd pixel goes after / before.
  const spatial = [input.shape[1], input.shape[2]];
  const pads = spatial.map((size, axis) => {
    if (size === null || size === undefined) {
      throw ctx.error(
        node,
        `auto_pad ${autoPad} needs known spatial sizes, got [${input.shape.join(",")}]`,
      );
    }
    const stride = strides[axis]!;
    const effectiveKernel = (kernel[axis]! - 1) * dilations[axis]! + 1;
    const total = Math.max((Math.ceil(size / stride) - 1) * stride + effectiveKernel - size, 0);
    const small = Math.floor(total / 2);
    return autoPad === "SAME_LOWER" ? [total - small, small] : [small, total - small];
  });
  return [pads[0] as [number, number], pads[1] as [number, number]];
}

function pair(values: readonly number[] | undefined, fallback: number): [number, number] {
  return [values?.[0] ?? fallback, values?.[1] ?? fallback];
}

function maybePad(
  ctx: ConversionContext,
  node: OnnxNode,
  input: TensorValue,
  pads: [[number, number], [number, number]],
  owner: string,
): TensorValue {
  if (pads.flat().every((p) => p === 0)) return input;
  if (pads.flat().some((p) => p < 0)) throw ctx.error(node, `negative pads are not supported`);
  const layer = tf.layers.zeroPadding2d({
    padding: pads,
    name: ctx.helperName(owner, "pad", [node.name]),
  });
  return ctx.apply(layer, [input], "nhwc");
}

/** ONNX [out, in, kh, kw] → tfjs [kh, kw, in, out]. */
function oihwToHwio(data: Float32Array, dims: readonly number[]): Float32Array {
  const [o = 0, i = 0, kh = 0, kw = 0] = dims;
  const out = new Float32Array(data.length);
  for (let oo = 0; oo < o; oo += 1)
    for (let ii = 0; ii < i; ii += 1)
      for (let h = 0; h < kh; h += 1)
        for (let w = 0; w < kw; w += 1) {
          out[((h * kw + w) * i + ii) * o + oo] = data[((oo * i + ii) * kh + h) * kw + w]!;
        }
  return out;
}

export function convertConv(node: OnnxNode, ctx: ConversionContext): void {
  const weights = ctx.constant(node, 1, "the kernel");
  if (weights.dims.length !== 4) {
    throw ctx.error(
      node,
      `only 2-D convolutions are supported (kernel dims [${weights.dims.join(",")}])`,
    );
  }
  if (intAttr(node, "group", 1) !== 1) {
    throw ctx.error(
      node,
      `grouped convolutions (group=${intAttr(node, "group", 1)}) are not supported`,
    );
  }
  const [filters = 0, inChannels = 0, kh = 0, kw = 0] = weights.dims;
  const kernel: [number, number] = [kh, kw];
  const strides = pair(intsAttr(node, "strides"), 1);
  const dilations = pair(intsAttr(node, "dilations"), 1);
  const input = ctx.toLayout(ctx.tensor(node, 0), "nhwc", node);
  if (input.shape[3] !== inChannels) {
    throw ctx.error(node, `input has ${input.shape[3]} channels, the kernel expects ${inChannels}`);
  }
  const bias = node.inputs[2] ? ctx.constant(node, 2, "the bias") : undefined;
  const name = ctx.layerName("conv", [node.name]);
  const padded = maybePad(
    ctx,
    node,
    input,
    spatialPads(ctx, node, input, kernel, strides, dilations),
    name,
  );
  const layer = tf.layers.conv2d({
    filters,
    kernelSize: kernel,
    strides,
    dilationRate: dilations,
    padding: "valid",
    useBias: bias !== undefined,
    name,
  });
  const out = ctx.apply(layer, [padded], "nhwc");
  const values: tf.Tensor[] = [
    tf.tensor4d(oihwToHwio(floatData(ctx, node, weights), weights.dims), [
      kh,
      kw,
      inChannels,
      filters,
    ]),
  ];
  if (bias) values.push(tf.tensor1d(floatData(ctx, node, bias)));
  layer.setWeights(values);
  tf.dispose(values);
  ctx.output(node, out);
}

export function convertMaxPool(node: OnnxNode, ctx: ConversionContext): void {
  const kernelShape = intsAttr(node, "kernel_shape");
  if (kernelShape?.length !== 2) {
    throw ctx.error(
      node,
      `only 2-D pooling is supported (kernel_shape [${kernelShape?.join(",") ?? ""}])`,
    );
  }
  if (intAttr(node, "ceil_mode", 0) !== 0) throw ctx.error(node, "ceil_mode=1 is not supported");
  const dilations = pair(intsAttr(node, "dilations"), 1);
  if (dilations[0] !== 1 || dilations[1] !== 1)
    throw ctx.error(node, "dilated pooling is not supported");
  if (node.outputs.length > 1 && node.outputs[1]) {
    throw ctx.error(node, "the Indices output of MaxPool is not supported");
  }
  const kernel = pair(kernelShape, 1);
  const strides = pair(intsAttr(node, "strides"), 1);
  const input = ctx.toLayout(ctx.tensor(node, 0), "nhwc", node);
  const pads = spatialPads(ctx, node, input, kernel, strides, dilations);
  if (pads.flat().some((p) => p !== 0)) {
    // Zero padding would change the maximum of windows that hold only negatives.
    throw ctx.error(node, `padded max pooling (pads ${JSON.stringify(pads)}) is not supported`);
  }
  const layer = tf.layers.maxPooling2d({
    poolSize: kernel,
    strides,
    padding: "valid",
    name: ctx.layerName("max_pool", [node.name]),
  });
  ctx.output(node, ctx.apply(layer, [input], "nhwc"));
}
