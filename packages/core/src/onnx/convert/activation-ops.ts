// Element-wise ops: activations, max/min against a constant, comparisons against a constant,
// and binary ops between two run-time tensors.
import * as tf from "@tensorflow/tfjs";
import { CompareConstant, type CompareOperator, MaxClamp } from "../custom-layers.js";
import type { OnnxNode } from "../onnx-graph.js";
import { floatAttr, intAttr } from "./attributes.js";
import type { ConversionContext } from "./context.js";
import { scalarOf, shapesEqual } from "./context.js";

function unary(
  node: OnnxNode,
  ctx: ConversionContext,
  make: (name: string) => tf.layers.Layer,
  base: string,
): void {
  const input = ctx.tensor(node, 0);
  const layer = make(ctx.layerName(base, [node.name]));
  ctx.output(node, ctx.apply(layer, [input], input.layout));
}

export function convertRelu(node: OnnxNode, ctx: ConversionContext): void {
  unary(node, ctx, (name) => tf.layers.reLU({ name }), "relu");
}

export function convertLeakyRelu(node: OnnxNode, ctx: ConversionContext): void {
  const alpha = floatAttr(node, "alpha", 0.01);
  unary(node, ctx, (name) => tf.layers.leakyReLU({ alpha, name }), "leaky_relu");
}

export function convertSigmoid(node: OnnxNode, ctx: ConversionContext): void {
  unary(node, ctx, (name) => tf.layers.activation({ activation: "sigmoid", name }), "sigmoid");
}

export function convertTanh(node: OnnxNode, ctx: ConversionContext): void {
  unary(node, ctx, (name) => tf.layers.activation({ activation: "tanh", name }), "tanh");
}

export function convertSoftmax(node: OnnxNode, ctx: ConversionContext): void {
  const input = ctx.tensor(node, 0);
  // Opset 13 normalises along one axis (default -1); older opsets flatten from `axis` (default 1),
  // which is the same thing when that axis is the last one.
  const rank = input.shape.length;
  const onnxAxis = intAttr(node, "axis", -1);
  const axis = ctx.tfAxis(input, onnxAxis, node);
  if (axis !== rank - 1)
    throw ctx.error(
      node,
      `softmax over axis ${onnxAxis} of a rank-${rank} tensor is not supported (last axis only)`,
    );
  unary(node, ctx, (name) => tf.layers.softmax({ axis: -1, name }), "softmax");
}

/** `Max`: of a tensor and a scalar constant (a clamp from below), or of two tensors. */
export function convertMax(node: OnnxNode, ctx: ConversionContext): void {
  if (node.inputs.length !== 2)
    throw ctx.error(node, `Max of ${node.inputs.length} inputs is not supported (2 only)`);
  const constIndex = ctx.maybeConstant(node, 1) ? 1 : ctx.maybeConstant(node, 0) ? 0 : -1;
  if (constIndex === -1) {
    binaryTensors(node, ctx, "maximum", (name) => tf.layers.maximum({ name }));
    return;
  }
  const value = scalarOf(ctx.maybeConstant(node, constIndex));
  if (value === undefined)
    throw ctx.error(node, "Max with a constant of more than one element is not supported");
  const input = ctx.tensor(node, 1 - constIndex);
  const layer = new MaxClamp({ value, name: ctx.layerName("max_clamp", [node.name]) });
  ctx.output(node, ctx.apply(layer, [input], input.layout));
}

const COMPARE_OPERATORS: Record<string, CompareOperator> = {
  Greater: "greater",
  GreaterOrEqual: "greaterEqual",
  Less: "less",
  LessOrEqual: "lessEqual",
  Equal: "equal",
};

const MIRRORED: Record<CompareOperator, CompareOperator> = {
  greater: "less",
  greaterEqual: "lessEqual",
  less: "greater",
  lessEqual: "greaterEqual",
  equal: "equal",
};

/** A comparison of a tensor with a scalar constant → 0/1 float (ONNX: bool). */
export function convertCompare(node: OnnxNode, ctx: ConversionContext): void {
  const operator = COMPARE_OPERATORS[node.opType];
  if (!operator) throw ctx.error(node, "not a comparison");
  const right = scalarOf(ctx.maybeConstant(node, 1));
  const left = scalarOf(ctx.maybeConstant(node, 0));
  const [input, value, op] =
    right !== undefined
      ? [ctx.tensor(node, 0), right, operator]
      : left !== undefined
        ? [ctx.tensor(node, 1), left, MIRRORED[operator]]
        : [undefined, undefined, operator];
  if (!input || value === undefined) {
    throw ctx.error(node, "only comparisons of a tensor with a scalar constant are supported");
  }
  const base = node.opType.replace(/([a-z])([A-Z])/g, "$1_$2").toLowerCase();
  const layer = new CompareConstant({
    operator: op,
    value,
    name: ctx.layerName(base, [node.name]),
  });
  ctx.output(node, ctx.apply(layer, [input], input.layout));
}

function binaryTensors(
  node: OnnxNode,
  ctx: ConversionContext,
  base: string,
  make: (name: string) => tf.layers.Layer,
): void {
  const a = ctx.tensor(node, 0);
  const b = ctx.toLayout(ctx.tensor(node, 1), a.layout, node);
  if (!shapesEqual(a.shape, b.shape)) {
    throw ctx.error(
      node,
      `broadcasting [${a.shape.join(",")}] with [${b.shape.join(",")}] is not supported (equal shapes only)`,
    );
  }
  ctx.output(node, ctx.apply(make(ctx.layerName(base, [node.name])), [a, b], a.layout));
}

/** Add/Mul/Sub of two run-time tensors of equal shape; with a constant, only inside a recognised pattern. */
export function convertBinary(node: OnnxNode, ctx: ConversionContext): void {
  if (ctx.maybeConstant(node, 0) || ctx.maybeConstant(node, 1)) {
    throw ctx.error(
      node,
      `${node.opType} with a constant operand outside a recognised pattern (LayerNorm, MatMul+Add) is not supported`,
    );
  }
  const makers: Record<string, [string, (name: string) => tf.layers.Layer]> = {
    Add: ["add", (name) => tf.layers.add({ name })],
    Mul: ["multiply", (name) => tf.layers.multiply({ name })],
  };
  const maker = makers[node.opType];
  if (!maker) throw ctx.error(node, `${node.opType} of two tensors is not supported`);
  binaryTensors(node, ctx, maker[0], maker[1]);
}
