// ONNX graph → tfjs LayersModel built from standard tfjs layers (plus three small registered
// custom layers), named after what they do: conv_1, leaky_relu_1, max_clamp_1, max_pool_1,
// dense_1, layer_norm_1, … counted per kind in graph order, so names are stable across imports.
import * as tf from "@tensorflow/tfjs";
import {
  convertBinary,
  convertCompare,
  convertLeakyRelu,
  convertMax,
  convertRelu,
  convertSigmoid,
  convertSoftmax,
  convertTanh,
} from "./convert/activation-ops.js";
import { ConversionContext } from "./convert/context.js";
import { convertIf } from "./convert/control-ops.js";
import { convertConv, convertMaxPool } from "./convert/conv-ops.js";
import { convertGemm, convertMatMul } from "./convert/dense-ops.js";
import { tryConvertLayerNorm } from "./convert/layer-norm.js";
import {
  convertCast,
  convertConcat,
  convertConstant,
  convertFlatten,
  convertGather,
  convertIdentity,
  convertReshape,
  convertShape,
  convertSqueeze,
  convertTranspose,
  convertUnsqueeze,
} from "./convert/shape-ops.js";
import { registerOnnxLayers } from "./custom-layers.js";
import { OnnxImportError } from "./errors.js";
import type { OnnxGraph, OnnxModel, OnnxNode } from "./onnx-graph.js";

type OpConverter = (node: OnnxNode, ctx: ConversionContext) => void;

const CONVERTERS: Readonly<Record<string, OpConverter>> = {
  Conv: convertConv,
  MaxPool: convertMaxPool,
  Gemm: convertGemm,
  MatMul: convertMatMul,
  Relu: convertRelu,
  LeakyRelu: convertLeakyRelu,
  Sigmoid: convertSigmoid,
  Tanh: convertTanh,
  Softmax: convertSoftmax,
  Max: convertMax,
  Greater: convertCompare,
  GreaterOrEqual: convertCompare,
  Less: convertCompare,
  LessOrEqual: convertCompare,
  Equal: convertCompare,
  Add: convertBinary,
  Mul: convertBinary,
  If: convertIf,
  Constant: convertConstant,
  Identity: convertIdentity,
  Dropout: convertIdentity,
  Cast: convertCast,
  Shape: convertShape,
  Gather: convertGather,
  Concat: convertConcat,
  Squeeze: convertSqueeze,
  Unsqueeze: convertUnsqueeze,
  Reshape: convertReshape,
  Flatten: convertFlatten,
  Transpose: convertTranspose,
};

/**
 * Op types `onnxToLayersModel` maps. ReduceMean, Sub, Pow, Sqrt and Div only as parts of the
 * decomposed LayerNorm; Add and Mul with a constant only there or as MatMul's bias.
 */
export const SUPPORTED_ONNX_OPS: readonly string[] = [
  ...Object.keys(CONVERTERS),
  "ReduceMean",
  "Sub",
  "Pow",
  "Sqrt",
  "Div",
].sort();

function convertGraph(graph: OnnxGraph, ctx: ConversionContext): void {
  for (const [name, tensor] of graph.initializers) ctx.set(name, { kind: "constant", tensor });
  // Constants first: patterns look ahead at constants that appear later in the node list.
  for (const node of graph.nodes) {
    if (node.opType === "Constant" && isStandard(node)) {
      convertConstant(node, ctx);
      ctx.handled.add(node);
    }
  }
  for (const node of graph.nodes) {
    if (ctx.handled.has(node)) continue;
    if (!isStandard(node)) {
      throw ctx.error(
        node,
        `op "${node.opType}" from domain "${node.domain}" is not supported (standard ONNX ops only)`,
      );
    }
    if (node.opType === "ReduceMean" && tryConvertLayerNorm(node, ctx)) continue;
    const converter = CONVERTERS[node.opType];
    if (!converter) {
      throw ctx.error(node, `op "${node.opType}" is not supported by wakeforge's ONNX import`);
    }
    converter(node, ctx);
  }
}

function isStandard(node: OnnxNode): boolean {
  return node.domain === "" || node.domain === "ai.onnx";
}

export interface OnnxToLayersOptions {
  /** The tfjs model's name; defaults to the file name without extension. */
  readonly name?: string;
}

export interface ImportedOnnxModel {
  readonly model: tf.LayersModel;
  /** For each tfjs layer, the ONNX nodes it was built from. */
  readonly layerOrigins: ReadonlyMap<string, readonly string[]>;
  /** Op types in the ONNX graph (subgraphs included), each with its count. */
  readonly opCounts: ReadonlyMap<string, number>;
}

function countOps(graph: OnnxGraph, counts = new Map<string, number>()): Map<string, number> {
  for (const node of graph.nodes) {
    counts.set(node.opType, (counts.get(node.opType) ?? 0) + 1);
    for (const attribute of node.attributes.values()) {
      if (attribute.kind === "graph") countOps(attribute.value, counts);
    }
  }
  return counts;
}

/**
 * Builds a tfjs LayersModel that computes what the ONNX graph computes, with the batch
 * dimension free. Weights are copied (kernels transposed to tfjs's layout). An op or pattern
 * it cannot map throws an `OnnxImportError` naming the op type and the node.
 */
export function onnxToLayersModel(
  onnx: OnnxModel,
  options: OnnxToLayersOptions = {},
): ImportedOnnxModel {
  registerOnnxLayers();
  const { graph, fileName } = onnx;
  const ctx = new ConversionContext(fileName, convertGraph);
  ctx.indexGraph(graph);
  const inputs = graph.inputs.map((info, index) => {
    if (info.elemType !== "float32") {
      throw new OnnxImportError(
        `input "${info.name}" is ${info.elemType ?? "not a tensor"}; float32 inputs only`,
        { fileName },
      );
    }
    if (!info.shape || info.shape.length < 1) {
      throw new OnnxImportError(`input "${info.name}" has no declared shape`, { fileName });
    }
    const perExample = info.shape
      .slice(1)
      .map((dim) => (typeof dim === "number" && dim > 0 ? dim : null));
    const input = tf.input({
      shape: perExample,
      name: graph.inputs.length === 1 ? "input" : `input_${index + 1}`,
    });
    ctx.layerOrigins.set(input.sourceLayer.name, [info.name]);
    ctx.set(info.name, ctx.wrap(input, "onnx"));
    return input;
  });
  try {
    tf.tidy(() => convertGraph(graph, ctx));
  } catch (error) {
    if (error instanceof OnnxImportError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new OnnxImportError(
      `building the tfjs model failed: ${reason}`,
      { fileName },
      { cause: error },
    );
  }
  const outputs = graph.outputs.map((info) => {
    const value = ctx.lookup(info.name);
    if (value?.kind !== "tensor") {
      throw new OnnxImportError(`output "${info.name}" is not computed from the inputs`, {
        fileName,
      });
    }
    return ctx.materialize(ctx.toLayout(value, "onnx", undefined));
  });
  // The model's name becomes part of tensor names when it is nested in another model, and tfjs
  // accepts only word characters, dots and dashes there: take the file's base name, cleaned.
  const baseName = fileName.split(/[\\/]/).pop() ?? fileName;
  const name =
    options.name ??
    baseName
      .replace(/\.onnx$/i, "")
      .replace(/[^A-Za-z0-9_.-]/g, "_")
      .replace(/^[^A-Za-z]+/, "");
  const model = tf.model({ inputs, outputs, name });
  return { model, layerOrigins: ctx.layerOrigins, opCounts: countOps(graph) };
}
