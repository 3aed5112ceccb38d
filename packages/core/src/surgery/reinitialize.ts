import * as tf from "@tensorflow/tfjs";
import { tfjsSeed } from "./tfjs-seed.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Gives every initializer (and dropout) in a Keras-style config its own seed from `seed`. */
function reseed(config: Json, seed: number, counter: { next: number }): Json {
  if (Array.isArray(config)) return config.map((item) => reseed(item, seed, counter));
  if (config === null || typeof config !== "object") return config;
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(config)) {
    out[key] = key === "seed" ? tfjsSeed(seed, counter.next++) : reseed(value, seed, counter);
  }
  return out;
}

/**
 * A copy of `model` with the same architecture and fresh initial weights: "the same network
 * trained from scratch" of a transfer-learning comparison. Deterministic for a given seed.
 * Custom layers must be registered with tf.serialization (the ONNX import registers its own).
 */
export async function reinitializedCopy(
  model: tf.LayersModel,
  seed: number,
): Promise<tf.LayersModel> {
  // A deep copy of the topology, so reseeding never touches the original model's config.
  const topology = JSON.parse(JSON.stringify(model.toJSON(null, false))) as Json;
  const reseeded = reseed(topology, seed, { next: 0 }) as tf.io.ModelJSON["modelTopology"];
  const copy = await tf.models.modelFromJSON({ modelTopology: reseeded });
  return copy;
}
