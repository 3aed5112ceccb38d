// A data set from audio already in memory (a browser's recordings, synthetic speech, generated
// noise), in the shape training takes, with the same weights and checks as one read from disk.
import { SAMPLE_RATE_HZ, resample } from "@wakeforge/audio";
import {
  DatasetError,
  type ClipKind,
  type ClipSource,
  type Dataset,
  type DatasetClip,
} from "./dataset-types.js";
import { assignTrainingWeights, type TrainingWeightOptions } from "./weights.js";

/** One clip of audio in memory, mono, −1…1. */
export interface MemoryClip {
  readonly samples: Float32Array;
  /** Sample rate of `samples`; other rates than 16 kHz are resampled. Default 16000. */
  readonly sampleRateHz?: number;
  /**
   * Who is speaking (`user:ana`, `espeak-ng:en-us+f3`; for background, what makes the sound):
   * held-out speakers are never trained on, so positives need at least two.
   */
  readonly speakerId: string;
  /** Recordings count more than synthetic speech (see assignTrainingWeights). */
  readonly source: ClipSource;
  /** Unique within the data set. Default `<kind>/<index>`. */
  readonly id?: string;
  readonly text?: string;
  /** e.g. `confusable`, `general`, `noise`, `music`. */
  readonly category?: string;
}

export interface MemoryDatasetInput {
  readonly positives: readonly MemoryClip[];
  readonly negatives?: readonly MemoryClip[];
  /** Long non-speech or background speech audio; every window of it is a negative. */
  readonly background?: readonly MemoryClip[];
}

/**
 * The clips as a Dataset (`layout: "memory"`): resampled to 16 kHz where needed, ids checked
 * for uniqueness, positives weighted so recordings carry at least `recordedShare` of them.
 */
export function memoryDataset(
  input: MemoryDatasetInput,
  options: TrainingWeightOptions & { readonly name?: string } = {},
): Dataset {
  const ids = new Set<string>();
  const toClips = (clips: readonly MemoryClip[] | undefined, kind: ClipKind): DatasetClip[] =>
    (clips ?? []).map((clip, index) => {
      const id = clip.id ?? `${kind}/${index}`;
      if (ids.has(id)) throw new DatasetError(`two clips have the id "${id}"; ids must be unique`);
      ids.add(id);
      if (clip.samples.length === 0) throw new DatasetError(`clip "${id}" has no samples`);
      const rate = clip.sampleRateHz ?? SAMPLE_RATE_HZ;
      if (!(rate > 0)) {
        throw new DatasetError(`clip "${id}": sampleRateHz must be positive, got ${rate}`);
      }
      return {
        id,
        file: "",
        kind,
        source: clip.source,
        speakerId: clip.speakerId,
        ...(clip.text === undefined ? {} : { text: clip.text }),
        ...(clip.category === undefined ? {} : { category: clip.category }),
        weight: 1,
        samples: rate === SAMPLE_RATE_HZ ? clip.samples : resample(clip.samples, rate),
      };
    });
  return {
    root: options.name ?? "memory",
    layout: "memory",
    positives: assignTrainingWeights(toClips(input.positives, "positive"), options),
    negatives: toClips(input.negatives, "negative"),
    background: toClips(input.background, "background"),
    errors: [],
  };
}
