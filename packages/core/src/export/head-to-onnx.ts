// A trained trigger-word head as an ONNX file with openWakeWord's head contract
// ([batch, window, 96] embeddings in, [batch, 1] score out), so openWakeWord, onnxruntime and
// anything else that runs openWakeWord heads can use a wakeforge model.
import type * as tf from "@tensorflow/tfjs";
import { WakeforgeCoreError } from "../errors.js";
import { encodeOnnxModel } from "../onnx/encode-onnx-model.js";
import { SeededDropout } from "../surgery/seeded-dropout.js";
import type { OnnxAttribute, OnnxNode, OnnxTensor } from "../onnx/onnx-graph.js";

const OPSET_VERSION = 13;
const IR_VERSION = 7;

const ACTIVATION_OPS: Readonly<Record<string, string | undefined>> = {
  linear: undefined,
  relu: "Relu",
  sigmoid: "Sigmoid",
  tanh: "Tanh",
  elu: "Elu",
};

function node(
  opType: string,
  inputs: string[],
  output: string,
  attributes: [string, OnnxAttribute][] = [],
): OnnxNode {
  return {
    name: output,
    opType,
    domain: "",
    inputs,
    outputs: [output],
    attributes: new Map(attributes),
  };
}

function floatTensor(name: string, dims: number[], data: Float32Array): OnnxTensor {
  return { name, type: "float32", dims, data };
}

/**
 * Encodes a head made of Flatten, Dense (linear/relu/sigmoid/tanh/elu), activation and Dropout
 * layers — what `buildHead` makes, and openWakeWord's simpler heads after import — as ONNX bytes. Dropout is an identity at inference and is left out. Any
 * other layer is refused with its name, rather than exported wrongly.
 */
export function headToOnnx(
  head: tf.LayersModel,
  options: { producerVersion?: string } = {},
): Uint8Array {
  const inputShape = head.inputs[0]?.shape;
  if (
    !inputShape ||
    inputShape.length !== 3 ||
    typeof inputShape[1] !== "number" ||
    typeof inputShape[2] !== "number"
  ) {
    throw new WakeforgeCoreError(
      "EXPORT",
      `head "${head.name}" must take [batch, window, dims]; it takes [${inputShape?.join(", ")}]`,
    );
  }
  const [, window, dims] = inputShape as [null, number, number];
  const nodes: OnnxNode[] = [];
  const initializers = new Map<string, OnnxTensor>();
  let current = "embeddings";
  let flattened = false;
  for (const layer of head.layers) {
    const kind = layer.getClassName();
    // Dropout is the identity at inference.
    if (kind === "InputLayer" || kind === "Dropout" || kind === SeededDropout.className) continue;
    if (kind === "Flatten") {
      nodes.push(
        node("Flatten", [current], `${layer.name}`, [["axis", { kind: "int", value: 1 }]]),
      );
      current = layer.name;
      flattened = true;
      continue;
    }
    // Stand-alone activations (ONNX-imported heads have them as layers of their own).
    const standalone =
      kind === "ReLU"
        ? "relu"
        : kind === "Activation"
          ? String((layer.getConfig() as { activation?: string }).activation)
          : undefined;
    if (standalone !== undefined) {
      const op = ACTIVATION_OPS[standalone];
      if (!(standalone in ACTIVATION_OPS)) {
        throw new WakeforgeCoreError(
          "EXPORT",
          `layer "${layer.name}": activation "${standalone}" cannot be exported`,
        );
      }
      if (op) {
        nodes.push(node(op, [current], layer.name));
        current = layer.name;
      }
      continue;
    }
    if (kind !== "Dense") {
      throw new WakeforgeCoreError(
        "EXPORT",
        `layer "${layer.name}" (${kind}) cannot be exported to ONNX; heads export Flatten, Dense, activations and Dropout`,
      );
    }
    if (!flattened) {
      throw new WakeforgeCoreError(
        "EXPORT",
        `layer "${layer.name}" comes before a Flatten; the head must flatten its window first`,
      );
    }
    const config = layer.getConfig() as { activation?: string; useBias?: boolean };
    const [kernel, bias] = layer.getWeights();
    if (!kernel) throw new WakeforgeCoreError("EXPORT", `layer "${layer.name}" has no weights`);
    const [inUnits, outUnits] = kernel.shape as [number, number];
    initializers.set(
      `${layer.name}.weight`,
      floatTensor(`${layer.name}.weight`, [inUnits, outUnits], kernel.dataSync() as Float32Array),
    );
    initializers.set(
      `${layer.name}.bias`,
      floatTensor(
        `${layer.name}.bias`,
        [outUnits],
        bias ? (bias.dataSync() as Float32Array) : new Float32Array(outUnits),
      ),
    );
    nodes.push(
      node("Gemm", [current, `${layer.name}.weight`, `${layer.name}.bias`], `${layer.name}_gemm`),
    );
    current = `${layer.name}_gemm`;
    const activation = config.activation ?? "linear";
    if (!(activation in ACTIVATION_OPS)) {
      throw new WakeforgeCoreError(
        "EXPORT",
        `layer "${layer.name}": activation "${activation}" cannot be exported`,
      );
    }
    const op = ACTIVATION_OPS[activation];
    if (op) {
      nodes.push(node(op, [current], `${layer.name}_${activation}`));
      current = `${layer.name}_${activation}`;
    }
  }
  nodes.push(node("Identity", [current], "score"));
  return encodeOnnxModel({
    irVersion: IR_VERSION,
    producerName: "wakeforge",
    producerVersion: options.producerVersion ?? "0",
    opsetImports: [{ domain: "", version: OPSET_VERSION }],
    graph: {
      name: head.name,
      inputs: [{ name: "embeddings", elemType: "float32", shape: ["batch", window, dims] }],
      outputs: [{ name: "score", elemType: "float32", shape: ["batch", 1] }],
      valueInfo: [],
      initializers,
      nodes,
    },
  });
}
