// Trigger-word heads without the Layers machinery, for the 80 ms hot path: a head of Flatten,
// Dense, ReLU/sigmoid and dropout layers becomes a few fused matMul kernels (activation and bias
// inside each), called on the backend directly (DirectKernels): a step costs about a tenth of
// LayersModel.predict and half of the same ops through the engine. Dropout is inference's
// identity. Weights are read from the layers' variables at every call.
import * as tf from "@tensorflow/tfjs";
import { DirectKernels } from "../backends/direct-kernels.js";

/**
 * Scores `count` windows of embeddings (row-major [count, window, dims]); returns the head's
 * outputs, row-major [count, classes].
 */
export type HeadRunner = (windows: Float32Array, count: number) => Float32Array;

type Activation = "linear" | "relu" | "sigmoid";

type HeadStep =
  | { readonly kind: "dense"; readonly layer: tf.layers.Layer; activation: Activation }
  | { readonly kind: "activation"; readonly activation: Activation };

function activationOf(value: unknown): Activation | undefined {
  if (value === undefined || value === null || value === "linear") return "linear";
  return value === "relu" || value === "sigmoid" ? value : undefined;
}

function planHead(model: tf.LayersModel): HeadStep[] | undefined {
  const [first, ...layers] = model.layers;
  if (first?.getClassName() !== "InputLayer") return undefined;
  const steps: HeadStep[] = [];
  let flattened = false;
  for (const layer of layers) {
    const config = layer.getConfig();
    const className = layer.getClassName();
    let activation: Activation | undefined;
    if (className.endsWith("Dropout")) continue;
    // Windows arrive flat, which does a leading Flatten; the head must start with one.
    if (className === "Flatten" && !flattened && steps.length === 0) {
      flattened = true;
      continue;
    }
    if (!flattened) return undefined;
    if (className === "Dense") {
      activation = activationOf(config.activation);
      if (!activation) return undefined;
      steps.push({ kind: "dense", layer, activation });
      continue;
    }
    if (className === "ReLU" && config.maxValue == null) activation = "relu";
    else if (className === "Activation") activation = activationOf(config.activation);
    if (!activation) return undefined;
    const last = steps.at(-1);
    if (last?.kind === "dense" && last.activation === "linear") last.activation = activation;
    else steps.push({ kind: "activation", activation });
  }
  return steps;
}

/** One step on [1, count, features] (a batch of one, as the matMul kernels want). */
function runStep(kernels: DirectKernels, step: HeadStep, x: tf.TensorInfo): tf.TensorInfo {
  switch (step.kind) {
    case "dense": {
      const [kernel, bias] = step.layer.weights;
      const weights = kernel?.read() as tf.Tensor;
      const b = kernels.run("Reshape", { x: weights }, { shape: [1, ...weights.shape] });
      const inputs: tf.NamedTensorInfoMap = { a: x, b };
      if (bias) inputs.bias = bias.read();
      const output = kernels.run("_FusedMatMul", inputs, {
        transposeA: false,
        transposeB: false,
        activation: step.activation,
      });
      kernels.release(b);
      return output;
    }
    case "activation":
      if (step.activation === "linear") return kernels.retain(x);
      return kernels.run(step.activation === "relu" ? "Relu" : "Sigmoid", { x });
  }
}

/**
 * The head as direct kernel calls, or undefined when it holds other layers or does not start
 * with a Flatten (run it with predict then).
 */
export function compileHead(model: tf.LayersModel): HeadRunner | undefined {
  const steps = planHead(model);
  if (!steps) return undefined;
  let kernels: DirectKernels | undefined;
  return (windows, count) => {
    if (kernels?.backendName !== tf.getBackend()) kernels = new DirectKernels();
    const k = kernels;
    const input = k.upload(windows, [1, count, windows.length / count]);
    const output = steps.reduce((x, step) => {
      const next = runStep(k, step, x);
      k.release(x);
      return next;
    }, input);
    const values = k.download(output);
    k.release(output);
    return values;
  };
}

/** The compiled head, or the model's own predict. */
export function headRunner(model: tf.LayersModel): HeadRunner {
  const compiled = compileHead(model);
  if (compiled) return compiled;
  const shape = model.inputs[0]?.shape ?? [];
  const [window, dims] = [shape[1] as number, shape[2] as number];
  return (windows, count) =>
    tf.tidy(() => {
      const output = model.predict(tf.tensor3d(windows, [count, window, dims])) as tf.Tensor;
      return output.dataSync() as Float32Array;
    });
}
