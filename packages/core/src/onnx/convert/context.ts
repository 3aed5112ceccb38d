// State shared by the op converters while one ONNX graph becomes a tfjs layer graph: the values
// computed so far (tfjs symbolic tensors or folded constants), their layout, and layer naming.
import * as tf from "@tensorflow/tfjs";
import { OnnxImportError } from "../errors.js";
import type { OnnxGraph, OnnxNode, OnnxTensor } from "../onnx-graph.js";

/**
 * How a tfjs tensor holds an ONNX value. "onnx": same shape and axis order. "nhwc": the ONNX
 * value is 4-D NCHW (what Conv and MaxPool take) and the tfjs tensor holds it as NHWC (what
 * tfjs Conv2D takes).
 */
export type Layout = "onnx" | "nhwc";

/** tfjs shape: batch first; null where unknown until run time. */
export type TfShape = readonly (number | null)[];

export interface TensorValue {
  readonly kind: "tensor";
  /** The tensor a layer produced. This value is it, or a reshape of it not yet materialised. */
  readonly base: tf.SymbolicTensor;
  /** This value's tfjs shape. */
  readonly shape: TfShape;
  readonly layout: Layout;
  /** When shape differs from base's: which layer materialises the reshape. */
  readonly reshapeKind: "flatten" | "reshape";
  /** ONNX node the pending reshape comes from (for the layer's name and origin). */
  readonly origin: string;
}

export interface ConstantValue {
  readonly kind: "constant";
  readonly tensor: OnnxTensor;
}

export type Value = TensorValue | ConstantValue;

export function shapesEqual(a: TfShape, b: TfShape): boolean {
  return a.length === b.length && a.every((dim, index) => dim === b[index]);
}

/** The ONNX shape of a tensor value (NCHW for an "nhwc" value). */
export function onnxShape(value: TensorValue): TfShape {
  if (value.layout === "onnx") return value.shape;
  const [n, h, w, c] = value.shape;
  return [n ?? null, c ?? null, h ?? null, w ?? null];
}

/** Whether permuting `shape` by `perm` only moves size-1 axes, i.e. equals a reshape. */
export function isTrivialPermutation(shape: TfShape, perm: readonly number[]): boolean {
  const kept = (order: readonly number[]) => order.filter((axis) => shape[axis] !== 1);
  const before = kept(shape.map((_, axis) => axis));
  const after = kept(perm);
  return before.length === after.length && before.every((axis, index) => axis === after[index]);
}

export type GraphConverter = (graph: OnnxGraph, ctx: ConversionContext) => void;

export class ConversionContext {
  readonly fileName: string;
  /** Layer name → names of the ONNX nodes it was built from. */
  readonly layerOrigins = new Map<string, string[]>();
  /** Nodes a fused pattern already converted; the graph walk skips them. */
  readonly handled = new Set<OnnxNode>();
  /** Prepended to layer names (set inside `If` branches). */
  namePrefix = "";
  private readonly scopes: Map<string, Value>[] = [new Map()];
  private readonly counters = new Map<string, number>();
  private readonly materialized = new WeakMap<TensorValue, tf.SymbolicTensor>();
  private readonly converted = new WeakMap<TensorValue, TensorValue>();
  private readonly consumers = new Map<string, OnnxNode[]>();
  private readonly graphOutputs = new Set<string>();

  constructor(
    fileName: string,
    readonly convertGraph: GraphConverter,
  ) {
    this.fileName = fileName;
  }

  error(node: OnnxNode | undefined, message: string): OnnxImportError {
    return new OnnxImportError(message, {
      fileName: this.fileName,
      ...(node ? { opType: node.opType, nodeName: node.name } : {}),
    });
  }

  /** Records which nodes read which values (subgraphs included) and what the graph outputs. */
  indexGraph(graph: OnnxGraph): void {
    for (const output of graph.outputs) this.graphOutputs.add(output.name);
    for (const node of graph.nodes) {
      for (const input of node.inputs) {
        if (!input) continue;
        const list = this.consumers.get(input) ?? [];
        list.push(node);
        this.consumers.set(input, list);
      }
      for (const attribute of node.attributes.values()) {
        if (attribute.kind === "graph") this.indexGraph(attribute.value);
        if (attribute.kind === "graphs") attribute.value.forEach((g) => this.indexGraph(g));
      }
    }
  }

  /** The nodes reading `name`; undefined when a graph output also reads it (it must stay as is). */
  consumersOf(name: string): readonly OnnxNode[] | undefined {
    if (this.graphOutputs.has(name)) return undefined;
    return this.consumers.get(name) ?? [];
  }

  pushScope(): void {
    this.scopes.push(new Map());
  }

  popScope(): void {
    this.scopes.pop();
  }

  set(name: string, value: Value): void {
    const scope = this.scopes[this.scopes.length - 1];
    if (!scope) throw new Error("no scope");
    scope.set(name, value);
  }

  lookup(name: string): Value | undefined {
    for (let k = this.scopes.length - 1; k >= 0; k -= 1) {
      const value = this.scopes[k]?.get(name);
      if (value) return value;
    }
    return undefined;
  }

  get(name: string, node: OnnxNode): Value {
    const value = this.lookup(name);
    if (!value) throw this.error(node, `input "${name}" is not produced by any earlier node`);
    return value;
  }

  /** Input `index` as a tensor computed at run time. */
  tensor(node: OnnxNode, index: number): TensorValue {
    const name = node.inputs[index];
    if (!name) throw this.error(node, `input ${index} is missing`);
    const value = this.get(name, node);
    if (value.kind !== "tensor") {
      throw this.error(
        node,
        `input "${name}" is a constant where wakeforge expects a run-time tensor`,
      );
    }
    return value;
  }

  /** Input `index` as a constant (initializer or folded), or undefined when it is a run-time tensor. */
  maybeConstant(node: OnnxNode, index: number): OnnxTensor | undefined {
    const name = node.inputs[index];
    if (!name) return undefined;
    const value = this.lookup(name);
    return value?.kind === "constant" ? value.tensor : undefined;
  }

  constant(node: OnnxNode, index: number, what: string): OnnxTensor {
    const tensor = this.maybeConstant(node, index);
    if (!tensor) {
      throw this.error(node, `${what} (input ${index}) must be a constant known when importing`);
    }
    return tensor;
  }

  output(node: OnnxNode, value: Value, index = 0): void {
    const name = node.outputs[index];
    if (name) this.set(name, value);
  }

  /** A stable, readable, unique layer name: `<base>_<n>` counted per base in graph order. */
  layerName(base: string, origins: readonly string[]): string {
    const key = `${this.namePrefix}${base}`;
    const n = (this.counters.get(key) ?? 0) + 1;
    this.counters.set(key, n);
    const name = `${key}_${n}`;
    this.layerOrigins.set(name, [...origins]);
    return name;
  }

  /** A name for a helper layer of another layer, e.g. `conv_1_pad`. */
  helperName(owner: string, suffix: string, origins: readonly string[]): string {
    const name = `${owner}_${suffix}`;
    this.layerOrigins.set(name, [...origins]);
    return name;
  }

  /** Applies a layer to tensor values and wraps its output as a fresh value. */
  apply(layer: tf.layers.Layer, inputs: readonly TensorValue[], layout: Layout): TensorValue {
    const symbolic = inputs.map((input) => this.materialize(input));
    const out = layer.apply(symbolic.length === 1 ? symbolic[0]! : symbolic) as tf.SymbolicTensor;
    return this.wrap(out, layout);
  }

  wrap(tensor: tf.SymbolicTensor, layout: Layout): TensorValue {
    return {
      kind: "tensor",
      base: tensor,
      shape: tensor.shape,
      layout,
      reshapeKind: "reshape",
      origin: "",
    };
  }

  /** A value with the same elements in a new shape; no layer until something consumes it. */
  reshape(
    value: TensorValue,
    shape: TfShape,
    layout: Layout,
    origin: string,
    reshapeKind: "flatten" | "reshape" = "reshape",
  ): TensorValue {
    return { kind: "tensor", base: value.base, shape, layout, reshapeKind, origin };
  }

  /** The symbolic tensor of a value, building its pending Reshape/Flatten layer once. */
  materialize(value: TensorValue): tf.SymbolicTensor {
    if (shapesEqual(value.shape, value.base.shape)) return value.base;
    const cached = this.materialized.get(value);
    if (cached) return cached;
    const target = value.shape.slice(1);
    if (target.filter((dim) => dim === null).length > 1) {
      throw new OnnxImportError(
        `cannot reshape to [${value.shape.join(",")}]: more than one dimension besides the batch is unknown`,
        { fileName: this.fileName, nodeName: value.origin },
      );
    }
    const layer =
      value.reshapeKind === "flatten" && target.length === 1 && value.base.shape.length > 2
        ? tf.layers.flatten({ name: this.layerName("flatten", [value.origin]) })
        : tf.layers.reshape({
            targetShape: target.map((dim) => dim ?? -1),
            name: this.layerName("reshape", [value.origin]),
          });
    const out = layer.apply(value.base) as tf.SymbolicTensor;
    this.materialized.set(value, out);
    return out;
  }

  /** The same ONNX value held in another layout (a reshape where that suffices, else a Permute). */
  toLayout(value: TensorValue, layout: Layout, node: OnnxNode | undefined): TensorValue {
    if (value.layout === layout) return value;
    // One conversion per value, however many consumers ask for it.
    const cached = this.converted.get(value);
    if (cached) return cached;
    const converted = this.convertLayout(value, layout, node);
    this.converted.set(value, converted);
    return converted;
  }

  private convertLayout(
    value: TensorValue,
    layout: Layout,
    node: OnnxNode | undefined,
  ): TensorValue {
    if (value.shape.length !== 4) {
      throw this.error(node, `expected a 4-D tensor, got shape [${value.shape.join(",")}]`);
    }
    const perm = layout === "nhwc" ? [0, 2, 3, 1] : [0, 3, 1, 2];
    const shape = perm.map((axis) => value.shape[axis] ?? null);
    if (isTrivialPermutation(value.shape, perm)) {
      return this.reshape(value, shape, layout, node?.name ?? "output");
    }
    const permute = tf.layers.permute({
      dims: perm.slice(1),
      name: this.layerName(layout === "nhwc" ? "to_nhwc" : "to_nchw", [node?.name ?? "output"]),
    });
    return this.apply(permute, [value], layout);
  }

  /** Maps an ONNX axis of a value to the axis of its tfjs tensor. */
  tfAxis(value: TensorValue, onnxAxis: number, node: OnnxNode): number {
    const rank = value.shape.length;
    const axis = onnxAxis < 0 ? onnxAxis + rank : onnxAxis;
    if (axis < 0 || axis >= rank)
      throw this.error(node, `axis ${onnxAxis} is out of range for rank ${rank}`);
    if (value.layout === "onnx") return axis;
    return [0, 3, 1, 2][axis]!;
  }
}

/** Copies float data out of an initializer, for weights. */
export function floatData(
  ctx: ConversionContext,
  node: OnnxNode,
  tensor: OnnxTensor,
): Float32Array {
  if (tensor.type === "float32") return tensor.data as Float32Array;
  if (tensor.type === "float64") return Float32Array.from(tensor.data as Float64Array);
  throw ctx.error(node, `tensor "${tensor.name}" is ${tensor.type}; weights must be float`);
}

/** A constant's values as plain numbers (int64 shape constants included). */
export function numbers(tensor: OnnxTensor): number[] {
  return Array.from(tensor.data as ArrayLike<number | bigint>, (v) => Number(v));
}

/** The single value of a one-element constant, or undefined. */
export function scalarOf(tensor: OnnxTensor | undefined): number | undefined {
  if (!tensor || tensor.data.length !== 1) return undefined;
  return numbers(tensor)[0];
}
