// Surgery on the real pre-trained base (the speech-embedding network imported from ONNX).
import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { initBackend } from "../backends/node-backends.js";
import { loadSpeechEmbeddingBase } from "../models/node-model-files.js";
import { composeDetector } from "./compose-detector.js";
import { cutAt } from "./cut-model.js";
import { buildHead } from "./head-spec.js";
import { countTrainableParameters, listLayers } from "./layer-summary.js";
import { freezeLayers, unfreezeLayers } from "./select-layers.js";

let base: tf.LayersModel;

beforeAll(async () => {
  await initBackend("wasm");
  base = await loadSpeechEmbeddingBase();
}, 60_000);

describe("surgery on the speech-embedding base", () => {
  it("lists its 75 layers and 328,128 parameters, ending in the 96-d embedding", () => {
    const layers = listLayers(base);
    expect(layers).toHaveLength(75);
    expect(layers.reduce((sum, layer) => sum + layer.parameterCount, 0)).toBe(328_128);
    expect(layers.at(-1)).toMatchObject({ name: "embedding", outputShape: [null, 96] });
  });

  it("cut at any layer gives that layer's output shape", () => {
    for (const layer of listLayers(base).filter((l) => /^(conv|max_pool)_\d+$/.test(l.name))) {
      const cut = cutAt(base, layer.name);
      expect(cut.outputs[0]?.shape, layer.name).toEqual(layer.outputShape);
    }
  });

  it("fine-tuning the top convolution leaves every frozen layer unchanged", async () => {
    freezeLayers(base, { to: "embedding" });
    unfreezeLayers(base, "conv_20");
    const head = buildHead(
      { windowEmbeddings: 2, embeddingDims: 96, hidden: [{ units: 8 }] },
      { seed: 4 },
    );
    const detector = composeDetector(base, head);
    expect(countTrainableParameters(detector)).toBe(27_648 + (2 * 96 * 8 + 8) + (8 + 1));

    const frozen = base
      .getLayer("conv_1")
      .getWeights()
      .map((w) => w.dataSync().slice());
    const tuned = base
      .getLayer("conv_20")
      .getWeights()
      .map((w) => w.dataSync().slice());
    detector.compile({ optimizer: tf.train.adam(0.01), loss: "binaryCrossentropy" });
    const xs = tf.randomUniform([4, 2, 76, 32, 1], 0, 3, "float32", 2);
    const ys = tf.tensor2d([1, 0, 1, 0], [4, 1]);
    await detector.fit(xs, ys, { epochs: 2, batchSize: 2, verbose: 0 });
    tf.dispose([xs, ys]);

    expect(
      base
        .getLayer("conv_1")
        .getWeights()
        .map((w) => w.dataSync()),
    ).toEqual(frozen);
    const after = base
      .getLayer("conv_20")
      .getWeights()
      .map((w) => w.dataSync());
    expect(after[0]).not.toEqual(tuned[0]);
    freezeLayers(base, "conv_20");
  }, 120_000);
});
