// Gemm → Dense (transB and alpha/beta folded into the weights); MatMul with a constant right
// operand, and the Add of a constant bias that usually follows it, → one Dense.
import * as tf from "@tensorflow/tfjs";
import type { OnnxNode, OnnxTensor } from "../onnx-graph.js";
import { elementCount } from "../onnx-graph.js";
import { floatAttr, intAttr } from "./attributes.js";
import type { ConversionContext, TensorValue } from "./context.js";
import { floatData } from "./context.js";

function transpose2d(data: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(data.length);
  for (let r = 0; r < rows; r += 1)
    for (let c = 0; c < cols; c += 1) out[c * rows + r] = data[r * cols + c]!;
  return out;
}

/** A bias of `units` values from a constant of shape [units], [1, units] or a scalar. */
function biasVector(
  ctx: ConversionContext,
  node: OnnxNode,
  tensor: OnnxTensor,
  units: number,
  scale: number,
): Float32Array {
  const data = floatData(ctx, node, tensor);
  const count = elementCount(tensor.dims);
  const leading = tensor.dims.slice(0, -1);
  if (count === units && leading.every((dim) => dim === 1)) return data.map((v) => v * scale);
  if (count === 1) return new Float32Array(units).fill(data[0]! * scale);
  throw ctx.error(
    node,
    `bias "${tensor.name}" of dims [${tensor.dims.join(",")}] does not broadcast over ${units} units only`,
  );
}

function dense(
  ctx: ConversionContext,
  node: OnnxNode,
  input: TensorValue,
  kernel: Float32Array,
  inputUnits: number,
  units: number,
  bias: Float32Array | undefined,
  origins: readonly string[],
): TensorValue {
  const layer = tf.layers.dense({
    units,
    useBias: bias !== undefined,
    name: ctx.layerName("dense", origins),
  });
  const out = ctx.apply(layer, [input], "onnx");
  const values: tf.Tensor[] = [tf.tensor2d(kernel, [inputUnits, units])];
  if (bias) values.push(tf.tensor1d(bias));
  layer.setWeights(values);
  tf.dispose(values);
  return out;
}

export function convertGemm(node: OnnxNode, ctx: ConversionContext): void {
  if (intAttr(node, "transA", 0) !== 0) throw ctx.error(node, "transA=1 is not supported");
  const input = ctx.toLayout(ctx.tensor(node, 0), "onnx", node);
  if (input.shape.length !== 2)
    throw ctx.error(node, `Gemm takes a 2-D input, got [${input.shape.join(",")}]`);
  const b = ctx.constant(node, 1, "the weight matrix B");
  const transB = intAttr(node, "transB", 0) !== 0;
  const alpha = floatAttr(node, "alpha", 1);
  const beta = floatAttr(node, "beta", 1);
  const [rows = 0, cols = 0] = b.dims;
  const [inputUnits, units] = transB ? [cols, rows] : [rows, cols];
  if (input.shape[1] !== inputUnits) {
    throw ctx.error(node, `input has ${input.shape[1]} features, B expects ${inputUnits}`);
  }
  let kernel = floatData(ctx, node, b);
  kernel = transB ? transpose2d(kernel, rows, cols) : Float32Array.from(kernel);
  if (alpha !== 1) kernel = kernel.map((v) => v * alpha);
  const c = node.inputs[2] ? ctx.constant(node, 2, "the bias C") : undefined;
  const bias = c ? biasVector(ctx, node, c, units, beta) : undefined;
  ctx.output(node, dense(ctx, node, input, kernel, inputUnits, units, bias, [node.name]));
}

export function convertMatMul(node: OnnxNode, ctx: ConversionContext): void {
  const input = ctx.toLayout(ctx.tensor(node, 0), "onnx", node);
  const b = ctx.constant(node, 1, "the right operand");
  if (b.dims.length !== 2)
    throw ctx.error(node, `the right operand must be 2-D, got [${b.dims.join(",")}]`);
  const [inputUnits = 0, units = 0] = b.dims;
  if (input.shape[input.shape.length - 1] !== inputUnits) {
    throw ctx.error(
      node,
      `input's last axis has ${input.shape.at(-1)} features, the matrix expects ${inputUnits}`,
    );
  }
  // Fold a following `Add(matmul, constant)` into the Dense bias.
  const outName = node.outputs[0] ?? "";
  const consumers = ctx.consumersOf(outName);
  const add = consumers?.length === 1 && consumers[0]?.opType === "Add" ? consumers[0] : undefined;
  let bias: Float32Array | undefined;
  if (add) {
    const constIndex = add.inputs[0] === outName ? 1 : 0;
    const c = ctx.maybeConstant(add, constIndex);
    if (c) {
      bias = biasVector(ctx, add, c, units, 1);
      ctx.handled.add(add);
    }
  }
  const origins = bias && add ? [node.name, add.name] : [node.name];
  const out = dense(
    ctx,
    node,
    input,
    Float32Array.from(floatData(ctx, node, b)),
    inputUnits,
    units,
    bias,
    origins,
  );
  if (bias && add) ctx.output(add, out);
  else ctx.output(node, out);
}
