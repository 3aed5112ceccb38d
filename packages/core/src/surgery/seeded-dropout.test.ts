import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { initBackend } from "../backends/node-backends.js";
import { SeededDropout } from "./seeded-dropout.js";

beforeAll(async () => {
  await initBackend("wasm");
});

const masks = (layer: SeededDropout, calls: number) =>
  Array.from({ length: calls }, () =>
    Array.from((layer.apply(tf.ones([1, 64]), { training: true }) as tf.Tensor).dataSync()),
  );

describe("SeededDropout", () => {
  it("draws a new mask on every training call, the same sequence for the same seed", () => {
    const first = masks(new SeededDropout({ rate: 0.5, seed: 3 }), 3);
    expect(first[0]).not.toEqual(first[1]);
    expect(first[1]).not.toEqual(first[2]);
    expect(masks(new SeededDropout({ rate: 0.5, seed: 3 }), 3)).toEqual(first);
    const dropped = first.flat().filter((v) => v === 0).length / first.flat().length;
    expect(dropped).toBeGreaterThan(0.35);
    expect(dropped).toBeLessThan(0.65);
  });

  it("is the identity outside training and survives a save/load round trip", async () => {
    const input = tf.input({ shape: [4] });
    const output = new SeededDropout({ rate: 0.5, seed: 1, name: "drop" }).apply(
      input,
    ) as tf.SymbolicTensor;
    const model = tf.model({ inputs: input, outputs: output });
    const x = tf.tensor2d([[1, 2, 3, 4]]);
    expect(Array.from((model.predict(x) as tf.Tensor).dataSync())).toEqual([1, 2, 3, 4]);
    const copy = await tf.models.modelFromJSON({
      modelTopology: model.toJSON(null, false) as tf.io.ModelJSON["modelTopology"],
    });
    expect(copy.getLayer("drop").getConfig()).toMatchObject({ rate: 0.5, seed: 1 });
  });
});
