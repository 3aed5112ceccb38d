// Trigger-word heads without the Layers machinery, for the 80 ms hot path: a head of Flatten,
// Dense, ReLU/sigmoid and dropout layers becomes a few fused matMul ops (activation and bias
// inside each), which costs a fraction of LayersModel.predict per step. Dropout is inference's
// identity. Weights are read from the layers' variables at every call.
import * as tf from "@tensorflow/tfjs";

/** Input [batch, window, dims] → the head's output [batch, classes]. */
export type HeadRunner = (input: tf.Tensor3D) => tf.Tensor;

type Activation = "linear" | "relu" | "sigmoid";

type HeadStep =
  | { readonly kind: "flatten" }
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
  for (const layer of layers) {
    const config = layer.getConfig();
    const className = layer.getClassName();
    let activation: Activation | undefined;
    if (className.endsWith("Dropout")) continue;
    if (className === "Flatten") {
      steps.push({ kind: "flatten" });
      continue;
    }
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

function runStep(step: HeadStep, x: tf.Tensor): tf.Tensor {
  switch (step.kind) {
    case "flatten":
      return tf.reshape(x, [x.shape[0] as number, -1]);
    case "dense": {
      const [kernel, bias] = step.layer.weights;
      return tf.fused.matMul({
        a: x as tf.Tensor2D,
        b: kernel?.read() as tf.Tensor2D,
        ...(bias ? { bias: bias.read() } : {}),
        activation: step.activation,
      });
    }
    case "activation":
      if (step.activation === "relu") return tf.relu(x);
      return step.activation === "sigmoid" ? tf.sigmoid(x) : x;
  }
}

/** The head as plain ops, or undefined when it holds other layers (run it with predict then). */
export function compileHead(model: tf.LayersModel): HeadRunner | undefined {
  const steps = planHead(model);
  if (!steps) return undefined;
  return (input) => steps.reduce<tf.Tensor>((x, step) => runStep(step, x), input);
}

/** The compiled head, or the model's own predict. */
export function headRunner(model: tf.LayersModel): HeadRunner {
  return compileHead(model) ?? ((input) => model.predict(input) as tf.Tensor);
}
