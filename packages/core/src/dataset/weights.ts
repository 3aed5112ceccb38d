// A person's own recordings count: however few they are, they are weighted so that they carry
// at least `recordedShare` of the positives' total weight (synthetic clips keep weight 1).
import type { Dataset, DatasetClip } from "./dataset-types.js";

export interface TrainingWeightOptions {
  /** Least share of the positive weight that recorded positives carry together. Default 0.25. */
  readonly recordedShare?: number;
  /** Never weight one recording more than this. Default 50. */
  readonly maxWeight?: number;
}

export const DEFAULT_RECORDED_SHARE = 0.25;

/**
 * Returns the positives with `weight` set: recorded clips (source `recorded`) get
 * max(1, share/(1−share) · synthetic / recorded) each, so they total at least `recordedShare`
 * of all positive weight; every other clip keeps weight 1. Negatives are left to the caller.
 */
export function assignTrainingWeights(
  positives: readonly DatasetClip[],
  options: TrainingWeightOptions = {},
): DatasetClip[] {
  const share = options.recordedShare ?? DEFAULT_RECORDED_SHARE;
  if (!(share >= 0 && share < 1)) {
    throw new RangeError(`recordedShare must be in [0, 1), got ${share}`);
  }
  const maxWeight = options.maxWeight ?? 50;
  const recorded = positives.filter((clip) => clip.source === "recorded").length;
  const synthetic = positives.length - recorded;
  const recordedWeight =
    recorded === 0
      ? 1
      : Math.min(maxWeight, Math.max(1, ((share / (1 - share)) * synthetic) / recorded));
  return positives.map((clip) => ({
    ...clip,
    weight: clip.source === "recorded" ? recordedWeight : 1,
  }));
}

/** Share of the total weight carried by recorded clips (0 when there are none). */
export function recordedWeightShare(clips: readonly DatasetClip[]): number {
  let recorded = 0;
  let total = 0;
  for (const clip of clips) {
    total += clip.weight;
    if (clip.source === "recorded") recorded += clip.weight;
  }
  return total === 0 ? 0 : recorded / total;
}

/**
 * Several data sets as one (e.g. synthetic clips plus a person's recordings), the positives'
 * weights assigned afresh over the union. Clip ids are prefixed with their data set's index
 * when two sets share an id.
 */
export function mergeDatasets(
  datasets: readonly Dataset[],
  options: TrainingWeightOptions = {},
): Dataset {
  const seen = new Set<string>();
  const unique = (clip: DatasetClip, index: number): DatasetClip => {
    const id = seen.has(clip.id) ? `${index}:${clip.id}` : clip.id;
    seen.add(id);
    return id === clip.id ? clip : { ...clip, id };
  };
  const all = (pick: (d: Dataset) => DatasetClip[]) =>
    datasets.flatMap((d, i) => pick(d).map((clip) => unique(clip, i)));
  return {
    root: datasets.map((d) => d.root).join(" + "),
    layout: datasets.length === 1 ? (datasets[0] as Dataset).layout : "memory",
    positives: assignTrainingWeights(
      all((d) => d.positives),
      options,
    ),
    negatives: all((d) => d.negatives),
    background: all((d) => d.background),
    errors: datasets.flatMap((d) => d.errors),
  };
}
