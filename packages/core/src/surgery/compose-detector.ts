import * as tf from "@tensorflow/tfjs";
import { SurgeryError } from "./surgery-error.js";

function concreteShape(shape: readonly (number | null)[], what: string): number[] {
  const dims = shape.slice(1);
  if (dims.some((d) => d === null)) {
    throw new SurgeryError(
      `${what} must have a fixed shape apart from the batch, got [${shape.join(", ")}]`,
    );
  }
  return dims as number[];
}

/**
 * One model from audio features to a score: the (cut, usually frozen) base applied to each of
 * the head's windows, its embeddings stacked, the head on top. Input
 * `[batch, windowEmbeddings, ...baseInputShape]`, output `[batch, 1]`. Layers are shared with
 * `base` and `head`, so freezing either shows in the composed model and training it trains them.
 */
export function composeDetector(
  base: tf.LayersModel,
  head: tf.LayersModel,
  options: { name?: string } = {},
): tf.LayersModel {
  const baseInput = base.inputs[0];
  const baseOutput = base.outputs[0];
  const headInput = head.inputs[0];
  if (
    !baseInput ||
    !baseOutput ||
    !headInput ||
    base.inputs.length !== 1 ||
    head.inputs.length !== 1
  ) {
    throw new SurgeryError("composeDetector needs a base and a head with one input each");
  }
  const inputShape = concreteShape(baseInput.shape, `base "${base.name}" input`);
  const embeddingShape = concreteShape(baseOutput.shape, `base "${base.name}" output`);
  const [windowEmbeddings, embeddingDims, ...rest] = concreteShape(
    headInput.shape,
    `head "${head.name}" input`,
  );
  const embeddingSize = embeddingShape.reduce((a, b) => a * b, 1);
  if (windowEmbeddings === undefined || embeddingDims !== embeddingSize || rest.length > 0) {
    throw new SurgeryError(
      `head "${head.name}" takes [${headInput.shape.slice(1).join(", ")}] but base "${base.name}" ` +
        `yields embeddings of ${embeddingSize} values; the head must take [windows, ${embeddingSize}]`,
    );
  }
  const input = tf.input({ shape: [windowEmbeddings, ...inputShape], name: "detector_input" });
  let embeddings = tf.layers
    .timeDistributed({ layer: base, name: "base_per_window" })
    .apply(input) as tf.SymbolicTensor;
  if (embeddingShape.length !== 1) {
    embeddings = tf.layers
      .reshape({ targetShape: [windowEmbeddings, embeddingSize], name: "embeddings" })
      .apply(embeddings) as tf.SymbolicTensor;
  }
  const score = head.apply(embeddings) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: score, name: options.name ?? "detector" });
}
