// K heads of one architecture, trained from different seeds, folded into one network of plain
// dense layers whose output is the mean of their K scores. Heads trained on a small synthetic
// data set disagree most on the rare sounds that make false accepts, so the mean is steadier
// than any one of them; folded, it deploys, streams and exports to ONNX like a single head.
import * as tf from "@tensorflow/tfjs";
import { SurgeryError } from "./surgery-error.js";

interface DenseWeights {
  readonly kernel: Float32Array;
  readonly bias: Float32Array;
  readonly inUnits: number;
  readonly outUnits: number;
  readonly activation: string;
}

function denseLayersOf(head: tf.LayersModel): DenseWeights[] {
  return head.layers
    .filter((layer) => layer.getClassName() === "Dense")
    .map((layer) => {
      const [kernel, bias] = layer.getWeights();
      if (!kernel || kernel.rank !== 2) {
        throw new SurgeryError(`head "${head.name}": layer "${layer.name}" has no 2-D kernel`);
      }
      const [inUnits, outUnits] = kernel.shape as [number, number];
      const config = layer.getConfig() as { activation?: string };
      return {
        kernel: kernel.dataSync() as Float32Array,
        bias: bias ? (bias.dataSync() as Float32Array) : new Float32Array(outUnits),
        inUnits,
        outUnits,
        activation: config.activation ?? "linear",
      };
    });
}

/**
 * Folds `heads` (same input shape, same dense layer sizes and activations; dropout is dropped,
 * it only acts in training) into one model: the first dense layers side by side, the later
 * ones block-diagonal, then a fixed mean over the K outputs. Scores equal the mean of the
 * heads' scores up to float rounding.
 */
export function ensembleHeads(
  heads: readonly tf.LayersModel[],
  options: { name?: string } = {},
): tf.LayersModel {
  const first = heads[0];
  if (!first) throw new SurgeryError("an ensemble needs at least one head");
  const inputShape = first.inputs[0]?.shape.slice(1) as number[];
  const members = heads.map(denseLayersOf);
  const layout = members[0] as DenseWeights[];
  if (layout.length === 0) throw new SurgeryError(`head "${first.name}" has no dense layers`);
  heads.forEach((head, k) => {
    const shape = head.inputs[0]?.shape.slice(1) as number[];
    const same =
      JSON.stringify(shape) === JSON.stringify(inputShape) &&
      members[k]?.length === layout.length &&
      members[k]?.every(
        (d, i) =>
          d.outUnits === layout[i]?.outUnits &&
          d.inUnits === layout[i]?.inUnits &&
          d.activation === layout[i]?.activation,
      );
    if (!same) {
      throw new SurgeryError(
        `head "${head.name}" differs in shape from "${first.name}"; only heads of one architecture fold into an ensemble`,
      );
    }
  });
  const K = heads.length;
  const input = tf.input({ shape: inputShape, name: "head_input" });
  let x = tf.layers.flatten({ name: "head_flatten" }).apply(input) as tf.SymbolicTensor;
  const pending: { layer: tf.layers.Layer; kernel: Float32Array; bias: Float32Array }[] = [];
  layout.forEach((shape, i) => {
    // Layer 0 reads the shared input: kernels side by side. Later layers read their own
    // member's block of the previous layer: kernels on the block diagonal.
    const rows = i === 0 ? shape.inUnits : K * shape.inUnits;
    const cols = K * shape.outUnits;
    const kernel = new Float32Array(rows * cols);
    const bias = new Float32Array(cols);
    members.forEach((member, k) => {
      const d = member[i] as DenseWeights;
      const rowOffset = i === 0 ? 0 : k * d.inUnits;
      for (let r = 0; r < d.inUnits; r += 1) {
        for (let c = 0; c < d.outUnits; c += 1) {
          kernel[(rowOffset + r) * cols + k * d.outUnits + c] = d.kernel[r * d.outUnits + c] ?? 0;
        }
      }
      bias.set(d.bias, k * d.outUnits);
    });
    const last = i === layout.length - 1;
    const layer = tf.layers.dense({
      units: cols,
      activation: shape.activation as "relu",
      name: last ? "head_members" : `head_dense_${i + 1}`,
    });
    x = layer.apply(x) as tf.SymbolicTensor;
    pending.push({ layer, kernel, bias });
  });
  const outUnits = K * (layout.at(-1) as DenseWeights).outUnits;
  const mean = tf.layers.dense({ units: 1, activation: "linear", name: "head_output" });
  const output = mean.apply(x) as tf.SymbolicTensor;
  const model = tf.model({
    inputs: input,
    outputs: output,
    name: options.name ?? "trigger_head_ensemble",
  });
  for (const { layer, kernel, bias } of pending) {
    const [kernelVar] = layer.getWeights() as [tf.Tensor];
    const weights = [tf.tensor(kernel, kernelVar.shape), tf.tensor1d(bias)];
    layer.setWeights(weights);
    tf.dispose(weights);
  }
  const meanWeights = [tf.fill([outUnits, 1], 1 / outUnits), tf.zeros([1])];
  mean.setWeights(meanWeights);
  tf.dispose(meanWeights);
  return model;
}
