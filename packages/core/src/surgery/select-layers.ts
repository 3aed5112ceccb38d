import type * as tf from "@tensorflow/tfjs";
import { SurgeryError } from "./surgery-error.js";

/**
 * Which layers an operation applies to: one name, several names, a pattern over names, or an
 * inclusive range `{ from, to }` in model order (either end may be left open).
 */
export type LayerSelector =
  string | RegExp | readonly string[] | { readonly from?: string; readonly to?: string };

function indexOfLayer(model: tf.LayersModel, name: string): number {
  const index = model.layers.findIndex((layer) => layer.name === name);
  if (index < 0) {
    const names = model.layers.map((layer) => layer.name);
    const similar = names.filter((n) => n.includes(name) || name.includes(n)).slice(0, 5);
    const hint = similar.length > 0 ? `; similar: ${similar.join(", ")}` : "";
    throw new SurgeryError(
      `model "${model.name}" has no layer "${name}" (it has ${names.length} layers${hint})`,
    );
  }
  return index;
}

/** The layers `selector` names, in model order; an unknown name is an error, not a no-op. */
export function selectLayers(model: tf.LayersModel, selector: LayerSelector): tf.layers.Layer[] {
  if (typeof selector === "string") return [model.layers[indexOfLayer(model, selector)]!];
  if (selector instanceof RegExp) {
    const matched = model.layers.filter((layer) => selector.test(layer.name));
    if (matched.length === 0) {
      throw new SurgeryError(`no layer of model "${model.name}" matches ${String(selector)}`);
    }
    return matched;
  }
  if (Array.isArray(selector)) {
    const indices = (selector as readonly string[]).map((name) => indexOfLayer(model, name));
    return [...new Set(indices)].sort((a, b) => a - b).map((i) => model.layers[i]!);
  }
  const range = selector as { from?: string; to?: string };
  const from = range.from === undefined ? 0 : indexOfLayer(model, range.from);
  const to = range.to === undefined ? model.layers.length - 1 : indexOfLayer(model, range.to);
  if (from > to) {
    throw new SurgeryError(`layer range is empty: "${range.from}" comes after "${range.to}"`);
  }
  return model.layers.slice(from, to + 1);
}

/** Marks the selected layers trainable or frozen; returns their names. */
export function setTrainable(
  model: tf.LayersModel,
  selector: LayerSelector,
  trainable: boolean,
): string[] {
  const layers = selectLayers(model, selector);
  for (const layer of layers) layer.trainable = trainable;
  return layers.map((layer) => layer.name);
}

/** Freezes the selected layers (their weights stop changing in training). */
export function freezeLayers(model: tf.LayersModel, selector: LayerSelector): string[] {
  return setTrainable(model, selector, false);
}

/** Unfreezes the selected layers (e.g. the top base layers for fine-tuning). */
export function unfreezeLayers(model: tf.LayersModel, selector: LayerSelector): string[] {
  return setTrainable(model, selector, true);
}
