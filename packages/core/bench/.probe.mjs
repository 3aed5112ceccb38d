import * as tf from "@tensorflow/tfjs";
import {
  Embedder,
  fullyConvolutionalBase,
  initBackend,
  loadSpeechEmbeddingBase,
  baseInputForClip,
  buildHead,
  reinitializedCopy,
  DEFAULT_HEAD_SPEC,
} from "../dist/index.js";
await initBackend("wasm");
const base = await loadSpeechEmbeddingBase();
const fc = fullyConvolutionalBase(base);
const emb = new Embedder(fc);
const clips = Array.from({ length: 32 }, (_, i) =>
  Float32Array.from({ length: 32000 }, (_, j) => Math.sin(j * 0.01 * (i + 1)) * 0.3),
);
let t = performance.now();
const inputs = clips.map((c) => baseInputForClip(c));
console.log("logmel 32 clips ms", performance.now() - t, inputs[0].frameCount);
t = performance.now();
const e = emb.embedBatch(inputs);
console.log("embed 32x2s ms", performance.now() - t, e[0].count);
t = performance.now();
const e2 = emb.embedBatch(inputs);
console.log("embed 32x2s ms (warm)", performance.now() - t);
// scratch step
const scratch = fullyConvolutionalBase(await reinitializedCopy(base, 1));
const head = buildHead(DEFAULT_HEAD_SPEC, { seed: 1 });
const inp = tf.input({ shape: [196, 32, 1] });
const r = tf.layers.reshape({ targetShape: [16, 96] }).apply(scratch.apply(inp));
const m = tf.model({ inputs: inp, outputs: head.apply(r) });
m.compile({ optimizer: tf.train.adam(1e-3), loss: "binaryCrossentropy" });
const xs = tf.randomUniform([64, 196, 32, 1], 0, 3);
const ys = tf.randomUniform([64, 1]).round();
for (const bs of [32, 64]) {
  t = performance.now();
  await m.fit(xs, ys, { epochs: 1, batchSize: bs, verbose: 0 });
  console.log("scratch fit 64 examples bs", bs, "ms", performance.now() - t);
}
t = performance.now();
await m.fit(xs, ys, { epochs: 1, batchSize: 32, verbose: 0 });
console.log("scratch fit 64 examples bs32 warm ms", performance.now() - t);
