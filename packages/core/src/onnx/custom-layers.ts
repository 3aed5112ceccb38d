// The few layers ONNX graphs need that tfjs does not have. Each is registered with
// tf.serialization so a saved model loads again: call `registerOnnxLayers()` before
// `tf.loadLayersModel` (importing an ONNX model registers them too).
import * as tf from "@tensorflow/tfjs";

function single(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
  if (Array.isArray(inputs)) {
    const [first] = inputs;
    if (inputs.length !== 1 || !first) throw new Error(`expected one input, got ${inputs.length}`);
    return first;
  }
  return inputs;
}

export interface MaxClampArgs {
  /** The lower bound: the output is max(x, value), element-wise. */
  value: number;
  name?: string;
  trainable?: boolean;
}

/** ONNX `Max(x, c)` with a scalar constant `c`: a floor under the activations (-0.4 in the speech base). */
export class MaxClamp extends tf.layers.Layer {
  static className = "MaxClamp";
  readonly value: number;

  constructor(args: MaxClampArgs) {
    super(args);
    this.value = args.value;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    return inputShape;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => tf.maximum(single(inputs), tf.scalar(this.value)));
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), value: this.value };
  }
}

export type CompareOperator = "greater" | "greaterEqual" | "less" | "lessEqual" | "equal";

export interface CompareConstantArgs {
  operator: CompareOperator;
  value: number;
  name?: string;
}

/** ONNX `Greater`/`GreaterOrEqual`/`Less`/`LessOrEqual`/`Equal` against a scalar: 1 where true, else 0 (float32). */
export class CompareConstant extends tf.layers.Layer {
  static className = "CompareConstant";
  readonly operator: CompareOperator;
  readonly value: number;

  constructor(args: CompareConstantArgs) {
    super({ ...args, trainable: false });
    this.operator = args.operator;
    this.value = args.value;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    return inputShape;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = single(inputs);
      const c = tf.scalar(this.value);
      const mask =
        this.operator === "greater"
          ? tf.greater(x, c)
          : this.operator === "greaterEqual"
            ? tf.greaterEqual(x, c)
            : this.operator === "less"
              ? tf.less(x, c)
              : this.operator === "lessEqual"
                ? tf.lessEqual(x, c)
                : tf.equal(x, c);
      return tf.cast(mask, "float32");
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), operator: this.operator, value: this.value };
  }
}

export interface SelectArgs {
  name?: string;
}

/**
 * Inputs `[condition, whenTrue, whenFalse]`: `whenTrue` where condition > 0.5, else `whenFalse`
 * (condition broadcasts). ONNX `If` whose condition is computed from the data becomes this layer
 * over both branches, which tfjs evaluates side by side; each batch row takes its own branch.
 */
export class Select extends tf.layers.Layer {
  static className = "Select";

  constructor(args: SelectArgs = {}) {
    super({ ...args });
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    const shapes = inputShape as tf.Shape[];
    const whenTrue = shapes[1];
    if (!whenTrue) throw new Error("Select takes [condition, whenTrue, whenFalse]");
    return whenTrue;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const [condition, whenTrue, whenFalse] = inputs as tf.Tensor[];
      if (!condition || !whenTrue || !whenFalse) {
        throw new Error("Select takes [condition, whenTrue, whenFalse]");
      }
      const mask = tf.broadcastTo(tf.greater(condition, 0.5), whenTrue.shape);
      return tf.where(mask, whenTrue, whenFalse);
    });
  }
}

let registered = false;

/** Makes the custom layers known to `tf.loadLayersModel`; safe to call more than once. */
export function registerOnnxLayers(): void {
  if (registered) return;
  tf.serialization.registerClass(MaxClamp);
  tf.serialization.registerClass(CompareConstant);
  tf.serialization.registerClass(Select);
  registered = true;
}
