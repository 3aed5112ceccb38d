export {
  registerOnnxLayers,
  CompareConstant,
  MaxClamp,
  Select,
  type CompareOperator,
} from "./custom-layers.js";
export { encodeOnnxModel } from "./encode-onnx-model.js";
export { OnnxImportError, type OnnxImportErrorDetails } from "./errors.js";
export type {
  OnnxAttribute,
  OnnxDim,
  OnnxElementType,
  OnnxGraph,
  OnnxModel,
  OnnxNode,
  OnnxOpsetImport,
  OnnxTensor,
  OnnxTensorData,
  OnnxValueInfo,
} from "./onnx-graph.js";
export { readOnnxModel, type ReadOnnxModelOptions } from "./read-onnx-model.js";
export {
  SUPPORTED_ONNX_OPS,
  onnxToLayersModel,
  type ImportedOnnxModel,
  type OnnxToLayersOptions,
} from "./to-layers-model.js";
