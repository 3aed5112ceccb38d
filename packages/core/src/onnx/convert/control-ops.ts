// ONNX `If`. With a condition known at import time only the branch taken is built. openWakeWord's
// hey_jarvis ends in one whose condition comes from the data (`score >= 0.5` → run a verifier
// network, else keep the score): both branches become layers, and a Select layer picks, per
// batch row, the branch the condition names.
import { Select } from "../custom-layers.js";
import type { OnnxNode } from "../onnx-graph.js";
import { graphAttr } from "./attributes.js";
import type { ConversionContext, TensorValue } from "./context.js";
import { numbers } from "./context.js";

function branchOutputs(
  ctx: ConversionContext,
  node: OnnxNode,
  attribute: "then_branch" | "else_branch",
  prefix: string,
): TensorValue[] {
  const graph = graphAttr(node, attribute);
  if (!graph) throw ctx.error(node, `${attribute} is missing`);
  const saved = ctx.namePrefix;
  ctx.namePrefix = prefix;
  ctx.pushScope();
  try {
    ctx.convertGraph(graph, ctx);
    return graph.outputs.map((output) => {
      const value = ctx.lookup(output.name);
      if (value?.kind !== "tensor") {
        throw ctx.error(node, `${attribute} output "${output.name}" is not a run-time tensor`);
      }
      return value;
    });
  } finally {
    ctx.popScope();
    ctx.namePrefix = saved;
  }
}

export function convertIf(node: OnnxNode, ctx: ConversionContext): void {
  // A condition known at import time (e.g. computed from static shapes): only that branch.
  const constant = ctx.maybeConstant(node, 0);
  if (constant) {
    const taken = numbers(constant)[0] ? "then_branch" : "else_branch";
    const outputs = branchOutputs(ctx, node, taken, ctx.namePrefix);
    outputs.forEach((value, index) => ctx.output(node, value, index));
    return;
  }
  const condition = ctx.tensor(node, 0);
  const base = ctx.layerName("if", [node.name]);
  const whenTrue = branchOutputs(ctx, node, "then_branch", `${base}_then_`);
  const whenFalse = branchOutputs(ctx, node, "else_branch", `${base}_else_`);
  if (whenTrue.length !== node.outputs.length || whenFalse.length !== node.outputs.length) {
    throw ctx.error(node, "the branches' outputs do not match the node's outputs");
  }
  node.outputs.forEach((_, index) => {
    const a = whenTrue[index]!;
    const b = ctx.toLayout(whenFalse[index]!, a.layout, node);
    const name = index === 0 ? base : `${base}_${index}`;
    if (index > 0) ctx.layerOrigins.set(name, [node.name]);
    const out = ctx.apply(new Select({ name }), [condition, a, b], a.layout);
    ctx.output(node, out, index);
  });
}
