// PyTorch exports nn.LayerNorm (opset < 17) as nine primitive ops:
//   m = ReduceMean(x, axes=[-1]); d = Sub(x, m); v = ReduceMean(Pow(d, 2), axes=[-1]);
//   y = Div(d, Sqrt(Add(v, eps))); [y = Mul(y, gamma)]; [y = Add(y, beta)]
// This recognises that chain, starting at its first ReduceMean, and builds one tfjs
// LayerNormalization layer with gamma and beta as its weights.
import * as tf from "@tensorflow/tfjs";
import type { OnnxNode } from "../onnx-graph.js";
import { intAttr, intsAttr } from "./attributes.js";
import type { ConversionContext } from "./context.js";
import { floatData, scalarOf } from "./context.js";

function onlyConsumer(
  ctx: ConversionContext,
  node: OnnxNode,
  opType: string,
): OnnxNode | undefined {
  const consumers = ctx.consumersOf(node.outputs[0] ?? "");
  const [first] = consumers ?? [];
  return consumers?.length === 1 && first?.opType === opType ? first : undefined;
}

/** The operand of a binary node other than `name`, if `name` is one of its operands. */
function otherOperand(node: OnnxNode, name: string): number | undefined {
  if (node.inputs[0] === name) return 1;
  if (node.inputs[1] === name) return 0;
  return undefined;
}

function isLastAxisMean(node: OnnxNode, rank: number): boolean {
  const axes = intsAttr(node, "axes");
  return (
    axes?.length === 1 &&
    (axes[0] === -1 || axes[0] === rank - 1) &&
    intAttr(node, "keepdims", 1) === 1 &&
    node.inputs.length === 1
  );
}

/** Converts the LayerNorm chain that starts at `mean` and returns true, or returns false untouched. */
export function tryConvertLayerNorm(mean: OnnxNode, ctx: ConversionContext): boolean {
  const x = mean.inputs[0] ?? "";
  const xValue = ctx.lookup(x);
  if (xValue?.kind !== "tensor" || xValue.layout !== "onnx") return false;
  const rank = xValue.shape.length;
  const channels = xValue.shape[rank - 1];
  if (!isLastAxisMean(mean, rank) || typeof channels !== "number") return false;

  const sub = onlyConsumer(ctx, mean, "Sub");
  if (!sub || sub.inputs[0] !== x || sub.inputs[1] !== mean.outputs[0]) return false;
  const centred = sub.outputs[0] ?? "";
  const users = ctx.consumersOf(centred) ?? [];
  const pow = users.find((n) => n.opType === "Pow" && n.inputs[0] === centred);
  const div = users.find((n) => n.opType === "Div" && n.inputs[0] === centred);
  if (users.length !== 2 || !pow || !div) return false;
  if (scalarOf(ctx.maybeConstant(pow, 1)) !== 2) return false;
  const variance = onlyConsumer(ctx, pow, "ReduceMean");
  if (!variance || !isLastAxisMean(variance, rank)) return false;
  const addEps = onlyConsumer(ctx, variance, "Add");
  const epsIndex = addEps ? otherOperand(addEps, variance.outputs[0] ?? "") : undefined;
  const epsilon =
    addEps && epsIndex !== undefined ? scalarOf(ctx.maybeConstant(addEps, epsIndex)) : undefined;
  if (!addEps || epsilon === undefined) return false;
  const sqrt = onlyConsumer(ctx, addEps, "Sqrt");
  if (!sqrt || onlyConsumer(ctx, sqrt, "Div") !== div || div.inputs[1] !== sqrt.outputs[0])
    return false;

  const nodes = [mean, sub, pow, variance, addEps, sqrt, div];
  let last = div;
  const vector = (node: OnnxNode, input: string): Float32Array | undefined => {
    const index = otherOperand(node, input);
    const constant = index === undefined ? undefined : ctx.maybeConstant(node, index);
    if (!constant || constant.data.length !== channels) return undefined;
    if (constant.dims.slice(0, -1).some((dim) => dim !== 1)) return undefined;
    return floatData(ctx, node, constant);
  };
  const mul = onlyConsumer(ctx, last, "Mul");
  const gamma = mul ? vector(mul, last.outputs[0] ?? "") : undefined;
  if (mul && gamma) {
    nodes.push(mul);
    last = mul;
  }
  const add = onlyConsumer(ctx, last, "Add");
  const beta = add ? vector(add, last.outputs[0] ?? "") : undefined;
  if (add && beta) {
    nodes.push(add);
    last = add;
  }

  const layer = tf.layers.layerNormalization({
    axis: -1,
    epsilon,
    name: ctx.layerName(
      "layer_norm",
      nodes.map((n) => n.name),
    ),
  });
  const out = ctx.apply(layer, [xValue], "onnx");
  const weights = [
    tf.tensor1d(gamma ?? new Float32Array(channels).fill(1)),
    tf.tensor1d(beta ?? new Float32Array(channels)),
  ];
  layer.setWeights(weights);
  tf.dispose(weights);
  for (const node of nodes) ctx.handled.add(node);
  ctx.output(last, out);
  return true;
}
