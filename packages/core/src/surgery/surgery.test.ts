import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { initBackend } from "../backends/node-backends.js";
import { composeDetector } from "./compose-detector.js";
import { cutAt, dropOutputLayer } from "./cut-model.js";
import { DEFAULT_HEAD_SPEC, buildHead } from "./head-spec.js";
import { countTrainableParameters, listLayers } from "./layer-summary.js";
import { reinitializedCopy } from "./reinitialize.js";
import { freezeLayers, selectLayers, unfreezeLayers } from "./select-layers.js";

beforeAll(async () => {
  await initBackend("wasm");
});

/** A toy "pre-trained" network: features [6, 4, 1] → conv → pool → dense embedding → 5 classes. */
function toyBase(seed = 1): tf.LayersModel {
  const input = tf.input({ shape: [6, 4, 1], name: "features" });
  let x = tf.layers
    .conv2d({
      filters: 3,
      kernelSize: 3,
      padding: "same",
      activation: "relu",
      name: "conv_1",
      kernelInitializer: tf.initializers.glorotUniform({ seed }),
    })
    .apply(input) as tf.SymbolicTensor;
  x = tf.layers.maxPooling2d({ poolSize: 2, name: "pool_1" }).apply(x) as tf.SymbolicTensor;
  x = tf.layers.flatten({ name: "flatten" }).apply(x) as tf.SymbolicTensor;
  x = tf.layers
    .dense({
      units: 8,
      activation: "relu",
      name: "embedding",
      kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 1 }),
    })
    .apply(x) as tf.SymbolicTensor;
  const out = tf.layers
    .dense({
      units: 5,
      activation: "softmax",
      name: "word_output",
      kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 2 }),
    })
    .apply(x) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: out, name: "toy_base" });
}

function weightsOf(layer: tf.layers.Layer): Float32Array[] {
  return layer.getWeights().map((w) => w.dataSync() as Float32Array);
}

describe("model surgery", () => {
  it("lists layers with shapes, parameter counts and trainability", () => {
    const layers = listLayers(toyBase());
    expect(layers.map((l) => l.name)).toEqual([
      "features",
      "conv_1",
      "pool_1",
      "flatten",
      "embedding",
      "word_output",
    ]);
    const conv = layers.find((l) => l.name === "conv_1");
    expect(conv).toMatchObject({
      className: "Conv2D",
      outputShape: [null, 6, 4, 3],
      parameterCount: 3 * 3 * 1 * 3 + 3,
      trainable: true,
    });
    expect(layers.find((l) => l.name === "embedding")?.parameterCount).toBe(3 * 2 * 3 * 8 + 8);
  });

  it("selects by name, list, pattern and inclusive range, and refuses unknown names", () => {
    const model = toyBase();
    expect(selectLayers(model, { from: "conv_1", to: "flatten" }).map((l) => l.name)).toEqual([
      "conv_1",
      "pool_1",
      "flatten",
    ]);
    expect(selectLayers(model, /^(conv|pool)_/).map((l) => l.name)).toEqual(["conv_1", "pool_1"]);
    expect(selectLayers(model, ["embedding", "conv_1"]).map((l) => l.name)).toEqual([
      "conv_1",
      "embedding",
    ]);
    expect(() => selectLayers(model, "conv_9")).toThrow(/model "toy_base" has no layer "conv_9"/);
    expect(() => selectLayers(model, { from: "embedding", to: "conv_1" })).toThrow(
      /range is empty/,
    );
  });

  it("cuts the output layer off and keeps the pre-trained weights", () => {
    const base = toyBase();
    const cut = dropOutputLayer(base);
    expect(cut.outputs[0]?.shape).toEqual([null, 8]);
    expect(cut.layers.map((l) => l.name)).not.toContain("word_output");
    const x = tf.randomNormal([2, 6, 4, 1], 0, 1, "float32", 3);
    const embedding = tf.model({
      inputs: base.inputs,
      outputs: base.getLayer("embedding").output as tf.SymbolicTensor,
    });
    expect(Array.from((cut.predict(x) as tf.Tensor).dataSync())).toEqual(
      Array.from((embedding.predict(x) as tf.Tensor).dataSync()),
    );
    expect(cutAt(base, "pool_1").outputs[0]?.shape).toEqual([null, 3, 2, 3]);
  });

  it("frozen layers do not change in training; unfrozen ones do", async () => {
    const cut = dropOutputLayer(toyBase());
    const head = buildHead(
      { windowEmbeddings: 3, embeddingDims: 8, hidden: [{ units: 4 }] },
      { seed: 5 },
    );
    const detector = composeDetector(cut, head);
    freezeLayers(cut, { to: "embedding" });
    unfreezeLayers(cut, "embedding");
    const frozenBefore = weightsOf(cut.getLayer("conv_1"));
    const tunedBefore = weightsOf(cut.getLayer("embedding"));
    const headBefore = weightsOf(head.getLayer("head_output"));
    expect(countTrainableParameters(detector)).toBe(3 * 2 * 3 * 8 + 8 + (3 * 8 * 4 + 4) + (4 + 1));

    detector.compile({ optimizer: tf.train.adam(0.05), loss: "binaryCrossentropy" });
    const xs = tf.randomNormal([8, 3, 6, 4, 1], 0, 1, "float32", 11);
    const ys = tf.tensor2d([1, 0, 1, 0, 1, 0, 1, 0], [8, 1]);
    await detector.fit(xs, ys, { epochs: 3, batchSize: 4, verbose: 0 });

    expect(weightsOf(cut.getLayer("conv_1"))).toEqual(frozenBefore);
    expect(weightsOf(cut.getLayer("embedding"))).not.toEqual(tunedBefore);
    expect(weightsOf(head.getLayer("head_output"))).not.toEqual(headBefore);
  });

  it("composes base and head: the score is the head over the stacked window embeddings", () => {
    const cut = dropOutputLayer(toyBase());
    const head = buildHead(
      { windowEmbeddings: 3, embeddingDims: 8, hidden: [{ units: 4 }] },
      { seed: 2 },
    );
    const detector = composeDetector(cut, head);
    const windows = tf.randomNormal([2, 3, 6, 4, 1], 0, 1, "float32", 4);
    const composed = (detector.predict(windows) as tf.Tensor).dataSync();
    const embeddings = (cut.predict(windows.reshape([6, 6, 4, 1])) as tf.Tensor).reshape([2, 3, 8]);
    const byHand = (head.predict(embeddings) as tf.Tensor).dataSync();
    expect(detector.outputs[0]?.shape).toEqual([null, 1]);
    for (let i = 0; i < 2; i += 1) expect(composed[i]).toBeCloseTo(byHand[i] ?? NaN, 6);
    expect(() =>
      composeDetector(cut, buildHead({ windowEmbeddings: 3, embeddingDims: 7, hidden: [] })),
    ).toThrow(/embeddings of 8 values/);
  });

  it("builds the default head: three dense layers over 16 × 96 embeddings, seeded", () => {
    const head = buildHead(DEFAULT_HEAD_SPEC, { seed: 3 });
    expect(head.inputs[0]?.shape).toEqual([null, 16, 96]);
    expect(head.outputs[0]?.shape).toEqual([null, 1]);
    expect(head.layers.filter((l) => l.getClassName() === "Dense").map((l) => l.name)).toEqual([
      "head_dense_1",
      "head_dense_2",
      "head_output",
    ]);
    expect(weightsOf(buildHead(DEFAULT_HEAD_SPEC, { seed: 3 }).getLayer("head_dense_1"))).toEqual(
      weightsOf(head.getLayer("head_dense_1")),
    );
    // Seed 0, the default, too: tfjs reads a normal draw's seed 0 as "unseeded".
    const weightsAtSeed0 = () => buildHead(DEFAULT_HEAD_SPEC, { seed: 0 }).getWeights();
    expect(weightsAtSeed0().map((w) => Array.from(w.dataSync()))).toEqual(
      weightsAtSeed0().map((w) => Array.from(w.dataSync())),
    );
    expect(
      weightsOf(buildHead(DEFAULT_HEAD_SPEC, { seed: 4 }).getLayer("head_dense_1")),
    ).not.toEqual(weightsOf(head.getLayer("head_dense_1")));
    expect(() => buildHead({ ...DEFAULT_HEAD_SPEC, hidden: [{ units: 0 }] })).toThrow(
      /units must be a positive integer, got 0/,
    );
  });

  it("re-initialises a copy for training from scratch: same architecture, fresh seeded weights", async () => {
    const base = toyBase();
    const copyA = await reinitializedCopy(base, 7);
    const copyB = await reinitializedCopy(base, 7);
    const copyC = await reinitializedCopy(base, 8);
    expect(
      listLayers(copyA).map(({ name, outputShape, parameterCount }) => ({
        name,
        outputShape,
        parameterCount,
      })),
    ).toEqual(
      listLayers(base).map(({ name, outputShape, parameterCount }) => ({
        name,
        outputShape,
        parameterCount,
      })),
    );
    expect(weightsOf(copyA.getLayer("conv_1"))[0]).not.toEqual(
      weightsOf(base.getLayer("conv_1"))[0],
    );
    expect(weightsOf(copyA.getLayer("conv_1"))).toEqual(weightsOf(copyB.getLayer("conv_1")));
    const [zeroA, zeroB] = [await reinitializedCopy(base, 0), await reinitializedCopy(base, 0)];
    expect(weightsOf(zeroA.getLayer("conv_1"))).toEqual(weightsOf(zeroB.getLayer("conv_1")));
    expect(weightsOf(copyC.getLayer("conv_1"))[0]).not.toEqual(
      weightsOf(copyA.getLayer("conv_1"))[0],
    );
  });
});
