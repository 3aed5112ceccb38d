import { OnnxImportError } from "./errors.js";
import type {
  OnnxAttribute,
  OnnxDim,
  OnnxElementType,
  OnnxGraph,
  OnnxModel,
  OnnxNode,
  OnnxTensor,
  OnnxTensorData,
  OnnxValueInfo,
} from "./onnx-graph.js";
import { elementCount } from "./onnx-graph.js";
import { ONNX_ATTRIBUTE_TYPE, ONNX_DATA_TYPE, onnxMessageType } from "./onnx-schema.js";

export interface ReadOnnxModelOptions {
  /** Named in errors, e.g. "embedding_model.onnx". */
  readonly fileName?: string;
}

// protobufjs decodes int64 as a Long when the `long` package is present, else as a number.
interface LongLike {
  readonly low: number;
  readonly high: number;
  readonly unsigned?: boolean;
}
type Int64 = number | LongLike;

interface RawDimension {
  dim_value?: Int64;
  dim_param?: string;
}
interface RawTypeProto {
  tensor_type?: { elem_type?: number; shape?: { dim?: RawDimension[] } };
}
interface RawValueInfo {
  name: string;
  type?: RawTypeProto;
}
interface RawTensor {
  name: string;
  dims: Int64[];
  data_type: number;
  float_data: number[];
  int32_data: number[];
  int64_data: Int64[];
  double_data: number[];
  uint64_data: Int64[];
  raw_data: Uint8Array;
  data_location: number;
}
interface RawAttribute {
  name: string;
  type: number;
  f: number;
  i: Int64;
  s: Uint8Array;
  t?: RawTensor;
  g?: RawGraph;
  floats: number[];
  ints: Int64[];
  strings: Uint8Array[];
  tensors: RawTensor[];
  graphs: RawGraph[];
}
interface RawNode {
  input: string[];
  output: string[];
  name: string;
  op_type: string;
  domain: string;
  attribute: RawAttribute[];
}
interface RawGraph {
  node: RawNode[];
  name: string;
  initializer: RawTensor[];
  input: RawValueInfo[];
  output: RawValueInfo[];
  value_info: RawValueInfo[];
}
interface RawModel {
  ir_version: Int64;
  opset_import: { domain: string; version: Int64 }[];
  producer_name: string;
  producer_version: string;
  graph?: RawGraph;
}

const TEXT_DECODER = new TextDecoder();

/** An int64 as a JS number (exact up to 2^53; INT64_MAX-style sentinels become ±9.22e18). */
function int64ToNumber(value: Int64): number {
  if (typeof value === "number") return value;
  if (value.unsigned) return (value.high >>> 0) * 2 ** 32 + (value.low >>> 0);
  return value.high * 2 ** 32 + (value.low >>> 0);
}

function int64ToBigInt(value: Int64, unsigned: boolean): bigint {
  const bits =
    typeof value === "number"
      ? BigInt(value)
      : (BigInt(value.high >>> 0) << 32n) | BigInt(value.low >>> 0);
  return unsigned ? BigInt.asUintN(64, bits) : BigInt.asIntN(64, bits);
}

const ELEMENT_TYPES: ReadonlyMap<number, OnnxElementType> = new Map([
  [ONNX_DATA_TYPE.FLOAT, "float32"],
  [ONNX_DATA_TYPE.DOUBLE, "float64"],
  [ONNX_DATA_TYPE.INT8, "int8"],
  [ONNX_DATA_TYPE.UINT8, "uint8"],
  [ONNX_DATA_TYPE.INT16, "int16"],
  [ONNX_DATA_TYPE.UINT16, "uint16"],
  [ONNX_DATA_TYPE.INT32, "int32"],
  [ONNX_DATA_TYPE.UINT32, "uint32"],
  [ONNX_DATA_TYPE.INT64, "int64"],
  [ONNX_DATA_TYPE.UINT64, "uint64"],
  [ONNX_DATA_TYPE.BOOL, "bool"],
]);

const BYTES_PER_ELEMENT: Record<OnnxElementType, number> = {
  float32: 4,
  float64: 8,
  int8: 1,
  uint8: 1,
  int16: 2,
  uint16: 2,
  int32: 4,
  uint32: 4,
  int64: 8,
  uint64: 8,
  bool: 1,
};

function allocate(type: OnnxElementType, count: number): OnnxTensorData {
  switch (type) {
    case "float32":
      return new Float32Array(count);
    case "float64":
      return new Float64Array(count);
    case "int8":
      return new Int8Array(count);
    case "uint8":
    case "bool":
      return new Uint8Array(count);
    case "int16":
      return new Int16Array(count);
    case "uint16":
      return new Uint16Array(count);
    case "int32":
      return new Int32Array(count);
    case "uint32":
      return new Uint32Array(count);
    case "int64":
      return new BigInt64Array(count);
    case "uint64":
      return new BigUint64Array(count);
  }
}

/** raw_data is little-endian whatever the host; read through a DataView. */
function fromRawData(type: OnnxElementType, raw: Uint8Array, count: number): OnnxTensorData {
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const out = allocate(type, count);
  for (let k = 0; k < count; k += 1) {
    const at = k * BYTES_PER_ELEMENT[type];
    switch (type) {
      case "float32":
        out[k] = view.getFloat32(at, true);
        break;
      case "float64":
        out[k] = view.getFloat64(at, true);
        break;
      case "int8":
        out[k] = view.getInt8(at);
        break;
      case "uint8":
      case "bool":
        out[k] = view.getUint8(at);
        break;
      case "int16":
        out[k] = view.getInt16(at, true);
        break;
      case "uint16":
        out[k] = view.getUint16(at, true);
        break;
      case "int32":
        out[k] = view.getInt32(at, true);
        break;
      case "uint32":
        out[k] = view.getUint32(at, true);
        break;
      case "int64":
        out[k] = view.getBigInt64(at, true);
        break;
      case "uint64":
        out[k] = view.getBigUint64(at, true);
        break;
    }
  }
  return out;
}

/** The typed fields: float_data, int32_data (also int8/16, uint8/16, bool), int64_data, ... */
function fromTypedFields(
  type: OnnxElementType,
  raw: RawTensor,
): { data: OnnxTensorData; length: number } {
  switch (type) {
    case "float32":
      return { data: Float32Array.from(raw.float_data), length: raw.float_data.length };
    case "float64":
      return { data: Float64Array.from(raw.double_data), length: raw.double_data.length };
    case "int64":
      return {
        data: BigInt64Array.from(raw.int64_data, (v) => int64ToBigInt(v, false)),
        length: raw.int64_data.length,
      };
    case "uint64":
      return {
        data: BigUint64Array.from(raw.uint64_data, (v) => int64ToBigInt(v, true)),
        length: raw.uint64_data.length,
      };
    case "uint32":
      return {
        data: Uint32Array.from(raw.uint64_data, (v) => int64ToNumber(v)),
        length: raw.uint64_data.length,
      };
    default: {
      const out = allocate(type, raw.int32_data.length);
      (out as Exclude<OnnxTensorData, BigInt64Array | BigUint64Array>).set(raw.int32_data);
      return { data: out, length: raw.int32_data.length };
    }
  }
}

function readTensor(raw: RawTensor, fileName: string): OnnxTensor {
  const type = ELEMENT_TYPES.get(raw.data_type);
  const label = raw.name ? `tensor "${raw.name}"` : "an unnamed tensor";
  if (type === undefined) {
    throw new OnnxImportError(
      `${label} has ONNX data type ${raw.data_type}, which wakeforge does not read (float32/64, int8-64, uint8-64, bool only)`,
      { fileName },
    );
  }
  if (raw.data_location === 1) {
    throw new OnnxImportError(
      `${label} keeps its data in an external file; only self-contained ONNX files are supported`,
      { fileName },
    );
  }
  const dims = raw.dims.map(int64ToNumber);
  const count = elementCount(dims);
  let data: OnnxTensorData;
  if (raw.raw_data.length > 0) {
    const expected = count * BYTES_PER_ELEMENT[type];
    if (raw.raw_data.length !== expected) {
      throw new OnnxImportError(
        `${label} has ${raw.raw_data.length} bytes of raw data; dims [${dims.join(",")}] of ${type} need ${expected}`,
        { fileName },
      );
    }
    data = fromRawData(type, raw.raw_data, count);
  } else {
    const typed = fromTypedFields(type, raw);
    if (typed.length !== count) {
      throw new OnnxImportError(
        `${label} holds ${typed.length} values; dims [${dims.join(",")}] need ${count}`,
        { fileName },
      );
    }
    data = typed.data;
  }
  return { name: raw.name, type, dims, data };
}

function readValueInfo(raw: RawValueInfo): OnnxValueInfo {
  const tensorType = raw.type?.tensor_type;
  const elemType =
    tensorType?.elem_type !== undefined ? ELEMENT_TYPES.get(tensorType.elem_type) : undefined;
  const shape = tensorType?.shape?.dim?.map((dim): OnnxDim => {
    // Members of a oneof have prototype defaults; only an own property was in the file.
    if (has(dim, "dim_value") && dim.dim_value !== undefined) return int64ToNumber(dim.dim_value);
    if (has(dim, "dim_param") && dim.dim_param) return dim.dim_param;
    return null;
  });
  return { name: raw.name, elemType, shape };
}

function has(raw: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(raw, key);
}

/** The attribute's kind from its `type`, or (files older than IR 3) from the field that is set. */
function attributeKind(raw: RawAttribute): number {
  if (raw.type !== ONNX_ATTRIBUTE_TYPE.UNDEFINED) return raw.type;
  if (has(raw, "f")) return ONNX_ATTRIBUTE_TYPE.FLOAT;
  if (has(raw, "i")) return ONNX_ATTRIBUTE_TYPE.INT;
  if (has(raw, "s")) return ONNX_ATTRIBUTE_TYPE.STRING;
  if (raw.t) return ONNX_ATTRIBUTE_TYPE.TENSOR;
  if (raw.g) return ONNX_ATTRIBUTE_TYPE.GRAPH;
  if (raw.floats.length > 0) return ONNX_ATTRIBUTE_TYPE.FLOATS;
  if (raw.ints.length > 0) return ONNX_ATTRIBUTE_TYPE.INTS;
  if (raw.strings.length > 0) return ONNX_ATTRIBUTE_TYPE.STRINGS;
  return ONNX_ATTRIBUTE_TYPE.UNDEFINED;
}

function readAttribute(raw: RawAttribute, fileName: string): OnnxAttribute {
  const kind = attributeKind(raw);
  const missing = (what: string): never => {
    throw new OnnxImportError(`attribute "${raw.name}" declares a ${what} but holds none`, {
      fileName,
    });
  };
  switch (kind) {
    case ONNX_ATTRIBUTE_TYPE.FLOAT:
      return { kind: "float", value: raw.f };
    case ONNX_ATTRIBUTE_TYPE.INT:
      return { kind: "int", value: int64ToNumber(raw.i) };
    case ONNX_ATTRIBUTE_TYPE.STRING:
      return { kind: "string", value: TEXT_DECODER.decode(raw.s) };
    case ONNX_ATTRIBUTE_TYPE.TENSOR:
      return { kind: "tensor", value: readTensor(raw.t ?? missing("tensor"), fileName) };
    case ONNX_ATTRIBUTE_TYPE.GRAPH:
      return { kind: "graph", value: readGraph(raw.g ?? missing("graph"), fileName) };
    case ONNX_ATTRIBUTE_TYPE.FLOATS:
      return { kind: "floats", value: [...raw.floats] };
    case ONNX_ATTRIBUTE_TYPE.INTS:
      return { kind: "ints", value: raw.ints.map(int64ToNumber) };
    case ONNX_ATTRIBUTE_TYPE.STRINGS:
      return { kind: "strings", value: raw.strings.map((s) => TEXT_DECODER.decode(s)) };
    case ONNX_ATTRIBUTE_TYPE.TENSORS:
      return { kind: "tensors", value: raw.tensors.map((t) => readTensor(t, fileName)) };
    case ONNX_ATTRIBUTE_TYPE.GRAPHS:
      return { kind: "graphs", value: raw.graphs.map((g) => readGraph(g, fileName)) };
    default:
      return { kind: "unsupported", typeCode: kind };
  }
}

function readNode(raw: RawNode, index: number, fileName: string): OnnxNode {
  const attributes = new Map<string, OnnxAttribute>();
  for (const attribute of raw.attribute) {
    attributes.set(attribute.name, readAttribute(attribute, fileName));
  }
  return {
    name: raw.name || `${raw.op_type}_${index}`,
    opType: raw.op_type,
    domain: raw.domain,
    inputs: [...raw.input],
    outputs: [...raw.output],
    attributes,
  };
}

function readGraph(raw: RawGraph, fileName: string): OnnxGraph {
  const initializers = new Map<string, OnnxTensor>();
  for (const tensor of raw.initializer) initializers.set(tensor.name, readTensor(tensor, fileName));
  return {
    name: raw.name,
    inputs: raw.input.filter((input) => !initializers.has(input.name)).map(readValueInfo),
    outputs: raw.output.map(readValueInfo),
    valueInfo: raw.value_info.map(readValueInfo),
    initializers,
    nodes: raw.node.map((node, index) => readNode(node, index, fileName)),
  };
}

/**
 * Decodes an ONNX model file into a plain graph: declared inputs and outputs with shapes,
 * initializers as typed arrays (raw_data and the typed fields both), nodes with decoded
 * attributes (subgraphs of `If`/`Loop` included). Bytes that are no ONNX model, tensors kept in
 * external files and unreadable element types throw an `OnnxImportError` naming the file.
 */
export function readOnnxModel(bytes: Uint8Array, options: ReadOnnxModelOptions = {}): OnnxModel {
  const fileName = options.fileName ?? "model.onnx";
  let raw: RawModel;
  try {
    raw = onnxMessageType("ModelProto").decode(bytes) as unknown as RawModel;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new OnnxImportError(
      `not an ONNX model (protobuf decoding failed: ${reason})`,
      { fileName },
      {
        cause: error,
      },
    );
  }
  const irVersion = int64ToNumber(raw.ir_version);
  if (
    !raw.graph ||
    irVersion <= 0 ||
    raw.graph.node.length === 0 ||
    raw.graph.output.length === 0
  ) {
    throw new OnnxImportError(
      `not an ONNX model (${bytes.byteLength} bytes decode to no graph with nodes, outputs and an IR version)`,
      { fileName },
    );
  }
  return {
    fileName,
    irVersion,
    producerName: raw.producer_name,
    producerVersion: raw.producer_version,
    opsetImports: raw.opset_import.map((entry) => ({
      domain: entry.domain,
      version: int64ToNumber(entry.version),
    })),
    graph: readGraph(raw.graph, fileName),
  };
}
