import * as tf from "@tensorflow/tfjs";

interface SeededDropoutConfig {
  readonly rate: number;
  readonly seed: number;
  readonly name?: string;
}

/**
 * Dropout that is reproducible and still random: call n of a training run draws its mask from
 * `seed + n`. tfjs's own Dropout with a seed draws the same mask on every call (it re-seeds each
 * time), which silently trains a thinner network instead of regularising this one; without a
 * seed it is not reproducible, and the transfer-vs-scratch comparison must be.
 */
export class SeededDropout extends tf.layers.Layer {
  static readonly className = "WakeforgeSeededDropout";
  readonly rate: number;
  readonly seed: number;
  private calls = 0;

  constructor(config: SeededDropoutConfig) {
    super(config.name === undefined ? {} : { name: config.name });
    if (!(config.rate >= 0 && config.rate < 1)) {
      throw new RangeError(`dropout rate must be in [0, 1), got ${config.rate}`);
    }
    this.rate = config.rate;
    this.seed = config.seed;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: { training?: boolean }): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0] : inputs;
    if (!x) throw new Error("SeededDropout needs one input");
    if (!kwargs.training || this.rate === 0) return tf.clone(x);
    const seed = this.seed + this.calls;
    this.calls += 1;
    return tf.dropout(x, this.rate, undefined, seed);
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), rate: this.rate, seed: this.seed };
  }
}

tf.serialization.registerClass(SeededDropout);
