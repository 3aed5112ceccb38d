// The plain, typed picture of an ONNX model that the reader produces and the builder consumes:
// no protobuf objects, no Long values, tensors as typed arrays.

/** Element types wakeforge reads from ONNX tensors. */
export type OnnxElementType =
  | "float32"
  | "float64"
  | "int8"
  | "uint8"
  | "int16"
  | "uint16"
  | "int32"
  | "uint32"
  | "int64"
  | "uint64"
  | "bool";

export type OnnxTensorData =
  | Float32Array
  | Float64Array
  | Int8Array
  | Uint8Array
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | BigInt64Array
  | BigUint64Array;

export interface OnnxTensor {
  readonly name: string;
  readonly type: OnnxElementType;
  readonly dims: readonly number[];
  /** Row-major (C order) values; `bool` tensors are 0/1 in a Uint8Array. */
  readonly data: OnnxTensorData;
}

/** One dimension of a declared shape: a size, a symbolic name (e.g. "N"), or unknown. */
export type OnnxDim = number | string | null;

export interface OnnxValueInfo {
  readonly name: string;
  /** Undefined for non-tensor values (sequences, maps) and undeclared element types. */
  readonly elemType: OnnxElementType | undefined;
  /** Undefined when the shape is not declared at all. */
  readonly shape: readonly OnnxDim[] | undefined;
}

export type OnnxAttribute =
  | { readonly kind: "float"; readonly value: number }
  | { readonly kind: "int"; readonly value: number }
  | { readonly kind: "string"; readonly value: string }
  | { readonly kind: "tensor"; readonly value: OnnxTensor }
  | { readonly kind: "graph"; readonly value: OnnxGraph }
  | { readonly kind: "floats"; readonly value: readonly number[] }
  | { readonly kind: "ints"; readonly value: readonly number[] }
  | { readonly kind: "strings"; readonly value: readonly string[] }
  | { readonly kind: "tensors"; readonly value: readonly OnnxTensor[] }
  | { readonly kind: "graphs"; readonly value: readonly OnnxGraph[] }
  | { readonly kind: "unsupported"; readonly typeCode: number };

export interface OnnxNode {
  /** The node's name in the file; the reader invents `<op_type>_<index>` when it has none. */
  readonly name: string;
  readonly opType: string;
  /** "" (or "ai.onnx") for the standard operator set. */
  readonly domain: string;
  /** Input value names; "" marks an omitted optional input. */
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly attributes: ReadonlyMap<string, OnnxAttribute>;
}

export interface OnnxGraph {
  readonly name: string;
  /** Graph inputs that are fed at run time (inputs that merely name an initializer are left out). */
  readonly inputs: readonly OnnxValueInfo[];
  readonly outputs: readonly OnnxValueInfo[];
  readonly valueInfo: readonly OnnxValueInfo[];
  readonly initializers: ReadonlyMap<string, OnnxTensor>;
  /** In the file's order, which ONNX requires to be topological. */
  readonly nodes: readonly OnnxNode[];
}

export interface OnnxOpsetImport {
  readonly domain: string;
  readonly version: number;
}

export interface OnnxModel {
  /** Named in errors and in the built model's name. */
  readonly fileName: string;
  readonly irVersion: number;
  readonly producerName: string;
  readonly producerVersion: string;
  readonly opsetImports: readonly OnnxOpsetImport[];
  readonly graph: OnnxGraph;
}

/** Number of elements of a tensor with these dims (1 for a scalar). */
export function elementCount(dims: readonly number[]): number {
  return dims.reduce((product, dim) => product * dim, 1);
}
