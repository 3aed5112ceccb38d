// Shape plumbing: constants are folded at import time (Constant, Shape, Gather, Concat, Cast,
// Unsqueeze, Squeeze on constants); on run-time tensors Reshape, Flatten, Squeeze, Unsqueeze and
// Transpose become a Reshape layer (or nothing, when the shape does not change) or a Permute.
import * as tf from "@tensorflow/tfjs";
import type { OnnxElementType, OnnxNode, OnnxTensor, OnnxTensorData } from "../onnx-graph.js";
import { elementCount } from "../onnx-graph.js";
import { ONNX_DATA_TYPE } from "../onnx-schema.js";
import { intAttr, intsAttr, tensorAttr } from "./attributes.js";
import type { ConversionContext, TfShape } from "./context.js";
import { isTrivialPermutation, numbers, onnxShape } from "./context.js";

function constantOf(
  name: string,
  type: OnnxElementType,
  dims: readonly number[],
  data: OnnxTensorData,
): OnnxTensor {
  return { name, type, dims, data };
}

function int64Constant(
  name: string,
  values: readonly number[],
  dims: readonly number[] = [values.length],
): OnnxTensor {
  return constantOf(
    name,
    "int64",
    dims,
    BigInt64Array.from(values, (v) => BigInt(v)),
  );
}

function withData(
  tensor: OnnxTensor,
  name: string,
  values: readonly number[],
  dims: readonly number[],
): OnnxTensor {
  if (tensor.type === "int64") return int64Constant(name, values, dims);
  if (tensor.type === "float64")
    return constantOf(name, "float64", dims, Float64Array.from(values));
  if (tensor.type === "int32") return constantOf(name, "int32", dims, Int32Array.from(values));
  return constantOf(name, "float32", dims, Float32Array.from(values));
}

export function convertConstant(node: OnnxNode, ctx: ConversionContext): void {
  const name = node.outputs[0] ?? node.name;
  const tensor = tensorAttr(node, "value");
  if (tensor) {
    ctx.output(node, { kind: "constant", tensor: { ...tensor, name } });
    return;
  }
  const attribute = [...node.attributes.values()][0];
  if (attribute?.kind === "float")
    ctx.output(node, {
      kind: "constant",
      tensor: constantOf(name, "float32", [], Float32Array.of(attribute.value)),
    });
  else if (attribute?.kind === "int")
    ctx.output(node, { kind: "constant", tensor: int64Constant(name, [attribute.value], []) });
  else if (attribute?.kind === "floats")
    ctx.output(node, {
      kind: "constant",
      tensor: constantOf(
        name,
        "float32",
        [attribute.value.length],
        Float32Array.from(attribute.value),
      ),
    });
  else if (attribute?.kind === "ints")
    ctx.output(node, { kind: "constant", tensor: int64Constant(name, attribute.value) });
  else throw ctx.error(node, `Constant without a value, value_float(s) or value_int(s) attribute`);
}

export function convertIdentity(node: OnnxNode, ctx: ConversionContext): void {
  ctx.output(node, ctx.get(node.inputs[0] ?? "", node));
}

export function convertCast(node: OnnxNode, ctx: ConversionContext): void {
  const to = intAttr(node, "to", 0);
  const constant = ctx.maybeConstant(node, 0);
  const name = node.outputs[0] ?? node.name;
  if (constant) {
    const values = numbers(constant);
    const type: OnnxElementType | undefined =
      to === ONNX_DATA_TYPE.FLOAT
        ? "float32"
        : to === ONNX_DATA_TYPE.INT64
          ? "int64"
          : to === ONNX_DATA_TYPE.INT32
            ? "int32"
            : undefined;
    if (!type) throw ctx.error(node, `Cast of a constant to ONNX type ${to} is not supported`);
    const cast = type === "float32" ? values : values.map((v) => Math.trunc(v));
    ctx.output(node, {
      kind: "constant",
      tensor: withData({ ...constant, type }, name, cast, constant.dims),
    });
    return;
  }
  // Run-time values are float32 in tfjs; comparisons already give 0/1, which serve as bool.
  if (to !== ONNX_DATA_TYPE.FLOAT && to !== ONNX_DATA_TYPE.BOOL) {
    throw ctx.error(
      node,
      `Cast of a run-time tensor to ONNX type ${to} is not supported (float and bool only)`,
    );
  }
  ctx.output(node, ctx.tensor(node, 0));
}

/**
 * Shape of a run-time tensor, folded to a constant. The batch size is unknown at import time and
 * becomes -1: that is what the usual consumer (Shape → Gather → Concat → Reshape) needs to keep
 * the batch axis free. Other unknown dimensions are not supported.
 */
export function convertShape(node: OnnxNode, ctx: ConversionContext): void {
  const input = ctx.tensor(node, 0);
  const shape = onnxShape(input);
  if (shape.slice(1).some((dim) => dim === null)) {
    throw ctx.error(
      node,
      `Shape of a tensor with dimensions known only at run time ([${shape.join(",")}]) is not supported`,
    );
  }
  const dims = shape.map((dim) => dim ?? -1);
  ctx.output(node, { kind: "constant", tensor: int64Constant(node.outputs[0] ?? node.name, dims) });
}

export function convertGather(node: OnnxNode, ctx: ConversionContext): void {
  const data = ctx.constant(node, 0, "Gather's data (only constant folding is supported)");
  const indices = ctx.constant(node, 1, "Gather's indices");
  if (intAttr(node, "axis", 0) !== 0 || data.dims.length > 1) {
    throw ctx.error(node, "Gather is supported only on 1-D constants along axis 0");
  }
  const values = numbers(data);
  const picked = numbers(indices).map((i) => values[i < 0 ? i + values.length : i] ?? NaN);
  if (picked.some(Number.isNaN)) throw ctx.error(node, "Gather index out of range");
  ctx.output(node, {
    kind: "constant",
    tensor: withData(data, node.outputs[0] ?? node.name, picked, indices.dims),
  });
}

export function convertConcat(node: OnnxNode, ctx: ConversionContext): void {
  const constants = node.inputs.map((_, index) => ctx.maybeConstant(node, index));
  if (constants.every((c) => c !== undefined)) {
    if (constants.some((c) => c.dims.length > 1))
      throw ctx.error(node, "Concat of constants is supported for 1-D constants only");
    const values = constants.flatMap((c) => numbers(c));
    ctx.output(node, {
      kind: "constant",
      tensor: withData(constants[0]!, node.outputs[0] ?? node.name, values, [values.length]),
    });
    return;
  }
  const inputs = node.inputs.map((_, index) => ctx.tensor(node, index));
  const layout = inputs[0]!.layout;
  const aligned = inputs.map((input) => ctx.toLayout(input, layout, node));
  const axis = ctx.tfAxis(aligned[0]!, intAttr(node, "axis", 0), node);
  if (axis === 0) throw ctx.error(node, "Concat along the batch axis is not supported");
  const layer = tf.layers.concatenate({ axis, name: ctx.layerName("concat", [node.name]) });
  ctx.output(node, ctx.apply(layer, aligned, layout));
}

/** Axes from the attribute (opset < 13) or the second input (opset ≥ 13). */
function axesOf(node: OnnxNode, ctx: ConversionContext): readonly number[] | undefined {
  const fromAttribute = intsAttr(node, "axes");
  if (fromAttribute) return fromAttribute;
  const fromInput = node.inputs[1] ? ctx.constant(node, 1, "axes") : undefined;
  return fromInput ? numbers(fromInput) : undefined;
}

function squeezedShape(node: OnnxNode, ctx: ConversionContext, shape: TfShape): TfShape {
  const axes = axesOf(node, ctx)?.map((a) => (a < 0 ? a + shape.length : a));
  return shape.filter((dim, axis) => (axes ? !axes.includes(axis) : dim !== 1));
}

function unsqueezedShape(node: OnnxNode, ctx: ConversionContext, shape: TfShape): TfShape {
  const axes = axesOf(node, ctx);
  if (!axes) throw ctx.error(node, "Unsqueeze without axes");
  const rank = shape.length + axes.length;
  const normalised = axes.map((a) => (a < 0 ? a + rank : a));
  const out: (number | null)[] = [];
  let next = 0;
  for (let axis = 0; axis < rank; axis += 1)
    out.push(normalised.includes(axis) ? 1 : (shape[next++] ?? null));
  return out;
}

function reshapeTensor(
  node: OnnxNode,
  ctx: ConversionContext,
  shape: TfShape,
  kind: "flatten" | "reshape" = "reshape",
): void {
  const input = ctx.toLayout(ctx.tensor(node, 0), "onnx", node);
  if (shape[0] !== null) throw ctx.error(node, "reshaping across the batch axis is not supported");
  ctx.output(node, ctx.reshape(input, shape, "onnx", node.name, kind));
}

export function convertSqueeze(node: OnnxNode, ctx: ConversionContext): void {
  const constant = ctx.maybeConstant(node, 0);
  if (constant) {
    const dims = squeezedShape(node, ctx, constant.dims) as number[];
    ctx.output(node, {
      kind: "constant",
      tensor: { ...constant, name: node.outputs[0] ?? node.name, dims },
    });
    return;
  }
  reshapeTensor(node, ctx, squeezedShape(node, ctx, onnxShape(ctx.tensor(node, 0))));
}

export function convertUnsqueeze(node: OnnxNode, ctx: ConversionContext): void {
  const constant = ctx.maybeConstant(node, 0);
  if (constant) {
    const dims = unsqueezedShape(node, ctx, constant.dims) as number[];
    ctx.output(node, {
      kind: "constant",
      tensor: { ...constant, name: node.outputs[0] ?? node.name, dims },
    });
    return;
  }
  reshapeTensor(node, ctx, unsqueezedShape(node, ctx, onnxShape(ctx.tensor(node, 0))));
}

/**
 * ONNX Reshape: 0 copies the input's dimension, -1 is inferred. The first dimension is the
 * batch: a target of -1, 0 or any number there (a batch size fixed at export) becomes tfjs's
 * free batch dimension, as long as the other dimensions hold one example exactly.
 */
export function convertReshape(node: OnnxNode, ctx: ConversionContext): void {
  const target = numbers(ctx.constant(node, 1, "the target shape"));
  const input = ctx.toLayout(ctx.tensor(node, 0), "onnx", node);
  const inShape = input.shape;
  const allowZero = intAttr(node, "allowzero", 0) === 1;
  const tail = target
    .slice(1)
    .map((dim, k) => (dim === 0 && !allowZero ? (inShape[k + 1] ?? null) : dim));
  const perExample = inShape.slice(1);
  const known = perExample.every((dim) => dim !== null);
  const exampleSize = known ? elementCount(perExample as number[]) : null;
  const inferred = tail.filter((dim) => dim === -1).length;
  if (inferred > 1 || tail.some((dim) => dim === null)) {
    throw ctx.error(
      node,
      `cannot resolve target shape [${target.join(",")}] from input [${inShape.join(",")}]`,
    );
  }
  let resolved = tail as number[];
  if (inferred === 1) {
    if (exampleSize === null) {
      throw ctx.error(
        node,
        `cannot infer -1 in [${target.join(",")}] from input [${inShape.join(",")}]`,
      );
    }
    const rest = elementCount(resolved.filter((dim) => dim !== -1));
    resolved = resolved.map((dim) => (dim === -1 ? exampleSize / rest : dim));
  }
  if (exampleSize !== null && elementCount(resolved) !== exampleSize) {
    throw ctx.error(
      node,
      `target shape [${target.join(",")}] does not hold one example of [${inShape.join(",")}] (the first dimension must be the batch)`,
    );
  }
  reshapeTensor(node, ctx, [null, ...resolved]);
}

export function convertFlatten(node: OnnxNode, ctx: ConversionContext): void {
  const axis = intAttr(node, "axis", 1);
  const input = ctx.toLayout(ctx.tensor(node, 0), "onnx", node);
  if (axis !== 1)
    throw ctx.error(node, `Flatten with axis=${axis} is not supported (axis=1 keeps the batch)`);
  const rest = input.shape.slice(1);
  const size = rest.every((dim) => dim !== null) ? elementCount(rest as number[]) : null;
  reshapeTensor(node, ctx, [null, size], "flatten");
}

export function convertTranspose(node: OnnxNode, ctx: ConversionContext): void {
  const input = ctx.tensor(node, 0);
  const rank = input.shape.length;
  const perm = intsAttr(node, "perm") ?? [...Array(rank).keys()].reverse();
  const key = perm.join(",");
  // NHWC ↔ NCHW around convolutions (tf2onnx's pattern) only changes the bookkeeping.
  if (rank === 4 && input.layout === "onnx" && key === "0,3,1,2") {
    ctx.output(node, { ...input, layout: "nhwc" });
    return;
  }
  if (rank === 4 && input.layout === "nhwc" && key === "0,2,3,1") {
    ctx.output(node, { ...input, layout: "onnx" });
    return;
  }
  const value = ctx.toLayout(input, "onnx", node);
  if (perm[0] !== 0)
    throw ctx.error(node, `Transpose that moves the batch axis (perm [${key}]) is not supported`);
  const shape = perm.map((axis) => value.shape[axis] ?? null);
  if (isTrivialPermutation(value.shape, perm)) {
    ctx.output(node, ctx.reshape(value, shape, "onnx", node.name));
    return;
  }
  const layer = tf.layers.permute({
    dims: perm.slice(1),
    name: ctx.layerName("transpose", [node.name]),
  });
  ctx.output(node, ctx.apply(layer, [value], "onnx"));
}
