// The inverse of readOnnxModel: a plain OnnxModel → ONNX protobuf bytes (tensors as
// little-endian raw_data). Used to write heads in openWakeWord's format and to build small
// graphs in tests.
import type {
  OnnxAttribute,
  OnnxGraph,
  OnnxModel,
  OnnxNode,
  OnnxTensor,
  OnnxValueInfo,
  OnnxElementType,
} from "./onnx-graph.js";
import { ONNX_ATTRIBUTE_TYPE, ONNX_DATA_TYPE, onnxMessageType } from "./onnx-schema.js";

const DATA_TYPE_CODES: Record<OnnxElementType, number> = {
  float32: ONNX_DATA_TYPE.FLOAT,
  float64: ONNX_DATA_TYPE.DOUBLE,
  int8: ONNX_DATA_TYPE.INT8,
  uint8: ONNX_DATA_TYPE.UINT8,
  int16: ONNX_DATA_TYPE.INT16,
  uint16: ONNX_DATA_TYPE.UINT16,
  int32: ONNX_DATA_TYPE.INT32,
  uint32: ONNX_DATA_TYPE.UINT32,
  int64: ONNX_DATA_TYPE.INT64,
  uint64: ONNX_DATA_TYPE.UINT64,
  bool: ONNX_DATA_TYPE.BOOL,
};

const TEXT_ENCODER = new TextEncoder();

function rawBytes(tensor: OnnxTensor): Uint8Array {
  const data = tensor.data;
  const out = new Uint8Array(data.byteLength);
  const view = new DataView(out.buffer);
  const size = data.BYTES_PER_ELEMENT;
  for (let k = 0; k < data.length; k += 1) {
    const at = k * size;
    const value = data[k]!;
    switch (tensor.type) {
      case "float32":
        view.setFloat32(at, value as number, true);
        break;
      case "float64":
        view.setFloat64(at, value as number, true);
        break;
      case "int8":
        view.setInt8(at, value as number);
        break;
      case "uint8":
      case "bool":
        view.setUint8(at, value as number);
        break;
      case "int16":
        view.setInt16(at, value as number, true);
        break;
      case "uint16":
        view.setUint16(at, value as number, true);
        break;
      case "int32":
        view.setInt32(at, value as number, true);
        break;
      case "uint32":
        view.setUint32(at, value as number, true);
        break;
      case "int64":
        view.setBigInt64(at, value as bigint, true);
        break;
      case "uint64":
        view.setBigUint64(at, value as bigint, true);
        break;
    }
  }
  return out;
}

function tensorObject(tensor: OnnxTensor): object {
  return {
    name: tensor.name,
    dims: [...tensor.dims],
    data_type: DATA_TYPE_CODES[tensor.type],
    raw_data: rawBytes(tensor),
  };
}

function valueInfoObject(info: OnnxValueInfo): object {
  const dims = info.shape?.map((dim) =>
    typeof dim === "number"
      ? { dim_value: dim }
      : typeof dim === "string"
        ? { dim_param: dim }
        : {},
  );
  return {
    name: info.name,
    type: {
      tensor_type: {
        elem_type: info.elemType ? DATA_TYPE_CODES[info.elemType] : 0,
        ...(dims ? { shape: { dim: dims } } : {}),
      },
    },
  };
}

function attributeObject(name: string, attribute: OnnxAttribute): object {
  switch (attribute.kind) {
    case "float":
      return { name, type: ONNX_ATTRIBUTE_TYPE.FLOAT, f: attribute.value };
    case "int":
      return { name, type: ONNX_ATTRIBUTE_TYPE.INT, i: attribute.value };
    case "string":
      return { name, type: ONNX_ATTRIBUTE_TYPE.STRING, s: TEXT_ENCODER.encode(attribute.value) };
    case "tensor":
      return { name, type: ONNX_ATTRIBUTE_TYPE.TENSOR, t: tensorObject(attribute.value) };
    case "graph":
      return { name, type: ONNX_ATTRIBUTE_TYPE.GRAPH, g: graphObject(attribute.value) };
    case "floats":
      return { name, type: ONNX_ATTRIBUTE_TYPE.FLOATS, floats: [...attribute.value] };
    case "ints":
      return { name, type: ONNX_ATTRIBUTE_TYPE.INTS, ints: [...attribute.value] };
    case "strings":
      return {
        name,
        type: ONNX_ATTRIBUTE_TYPE.STRINGS,
        strings: attribute.value.map((s) => TEXT_ENCODER.encode(s)),
      };
    case "tensors":
      return {
        name,
        type: ONNX_ATTRIBUTE_TYPE.TENSORS,
        tensors: attribute.value.map(tensorObject),
      };
    case "graphs":
      return { name, type: ONNX_ATTRIBUTE_TYPE.GRAPHS, graphs: attribute.value.map(graphObject) };
    case "unsupported":
      throw new Error(
        `attribute "${name}" has ONNX type ${attribute.typeCode}, which cannot be written`,
      );
  }
}

function nodeObject(node: OnnxNode): object {
  return {
    name: node.name,
    op_type: node.opType,
    domain: node.domain,
    input: [...node.inputs],
    output: [...node.outputs],
    attribute: [...node.attributes].map(([name, attribute]) => attributeObject(name, attribute)),
  };
}

function graphObject(graph: OnnxGraph): object {
  return {
    name: graph.name,
    node: graph.nodes.map(nodeObject),
    initializer: [...graph.initializers.values()].map(tensorObject),
    input: graph.inputs.map(valueInfoObject),
    output: graph.outputs.map(valueInfoObject),
    value_info: graph.valueInfo.map(valueInfoObject),
  };
}

/** Serialises a plain ONNX model (as `readOnnxModel` returns, or built by hand) to ONNX bytes. */
export function encodeOnnxModel(model: Omit<OnnxModel, "fileName">): Uint8Array {
  const type = onnxMessageType("ModelProto");
  const message = type.fromObject({
    ir_version: model.irVersion,
    producer_name: model.producerName,
    producer_version: model.producerVersion,
    opset_import: model.opsetImports.map((entry) => ({
      domain: entry.domain,
      version: entry.version,
    })),
    graph: graphObject(model.graph),
  });
  return type.encode(message).finish();
}
