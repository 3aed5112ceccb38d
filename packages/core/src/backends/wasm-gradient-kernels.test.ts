import * as tf from "@tensorflow/tfjs";
import { describe, expect, it } from "vitest";
import { initBackend } from "./node-backends.js";

type Pad = "valid" | "same" | [[0, 0], [number, number], [number, number], [0, 0]];

interface Case {
  readonly name: string;
  readonly input: [number, number, number, number];
  readonly filter: [number, number, number, number];
  readonly strides: number | [number, number];
  readonly pad: Pad;
}

const CASES: readonly Case[] = [
  { name: "3x3 same", input: [2, 9, 7, 3], filter: [3, 3, 3, 4], strides: 1, pad: "same" },
  { name: "3x3 valid", input: [3, 8, 8, 2], filter: [3, 3, 2, 5], strides: 1, pad: "valid" },
  { name: "1x3 stride 2", input: [2, 11, 10, 3], filter: [1, 3, 3, 2], strides: 2, pad: "same" },
  {
    name: "3x1 strides 2x1",
    input: [1, 12, 9, 4],
    filter: [3, 1, 4, 3],
    strides: [2, 1],
    pad: "valid",
  },
  // The base network pads the mel axis only, by explicit and possibly uneven amounts.
  {
    name: "explicit uneven pads",
    input: [2, 10, 8, 3],
    filter: [3, 3, 3, 2],
    strides: 1,
    pad: [
      [0, 0],
      [0, 0],
      [1, 0],
      [0, 0],
    ],
  },
];

/** The gradient of a scalar loss through a convolution, with respect to the filter. */
function filterGradient(c: Case, seed: number): Float32Array {
  return tf.tidy(() => {
    const x = tf.randomNormal(c.input, 0, 1, "float32", seed) as tf.Tensor4D;
    const w = tf.randomNormal(c.filter, 0, 1, "float32", seed + 1) as tf.Tensor4D;
    const probeShape = tf.conv2d(x, w, c.strides, c.pad).shape;
    const probe = tf.randomNormal(probeShape, 0, 1, "float32", seed + 2);
    const grad = tf.grad((filter: tf.Tensor) =>
      tf.sum(tf.mul(tf.conv2d(x, filter as tf.Tensor4D, c.strides, c.pad), probe)),
    );
    return grad(w).dataSync() as Float32Array;
  });
}

describe("wasm Conv2DBackpropFilter", () => {
  it.each(CASES)("matches the cpu backend's gradient: $name", async (c) => {
    await initBackend("cpu");
    const expected = filterGradient(c, 7);
    await initBackend("wasm");
    const before = tf.memory().numTensors;
    const actual = filterGradient(c, 7);
    expect(tf.memory().numTensors).toBe(before);
    expect(actual.length).toBe(expected.length);
    let worst = 0;
    for (let i = 0; i < actual.length; i += 1) {
      worst = Math.max(
        worst,
        Math.abs((actual[i] ?? 0) - (expected[i] ?? 0)) / (1 + Math.abs(expected[i] ?? 0)),
      );
    }
    expect(worst).toBeLessThan(1e-4);
  });

  it("lets a small conv net train on wasm: the loss falls", async () => {
    await initBackend("wasm");
    const model = tf.sequential({
      layers: [
        tf.layers.conv2d({
          inputShape: [8, 8, 1],
          filters: 4,
          kernelSize: 3,
          activation: "relu",
          kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }),
        }),
        tf.layers.flatten(),
        tf.layers.dense({
          units: 1,
          activation: "sigmoid",
          kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }),
        }),
      ],
    });
    model.compile({ optimizer: tf.train.adam(0.01), loss: "binaryCrossentropy" });
    // A task a convolution solves: is the bright bar horizontal (1) or vertical (0)?
    const images: number[][][][] = [];
    const labels: number[] = [];
    for (let i = 0; i < 32; i += 1) {
      const horizontal = i % 2 === 0;
      const at = 1 + (i % 6);
      images.push(
        Array.from({ length: 8 }, (_, r) =>
          Array.from({ length: 8 }, (_, col) => [(horizontal ? r : col) === at ? 1 : 0]),
        ),
      );
      labels.push(horizontal ? 1 : 0);
    }
    const xs = tf.tensor4d(images);
    const ys = tf.tensor2d(labels, [labels.length, 1]);
    const history = await model.fit(xs, ys, {
      epochs: 15,
      batchSize: 8,
      shuffle: false,
      verbose: 0,
    });
    const losses = history.history.loss as number[];
    expect(losses.at(-1)).toBeLessThan((losses[0] ?? 0) * 0.7);
    tf.dispose([xs, ys]);
    model.dispose();
  });
});
