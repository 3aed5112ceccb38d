// Which of a project's samples a model never learned from, so its evaluation measures what it
// will do on new audio. Speech is split by voice in training (a held-out voice is held out
// entirely), and metrics.json records the voices it trained on; a sample by any other voice,
// including one added after training, is held out. Background clips are not split by voice:
// training mixes every one of them into its examples as noise, so only background added after
// the model was trained has never been heard.
import { speakerIdOf } from "../training/training-data";
import type { Sample } from "../store/types";
import type { LeftOut } from "./evaluation-types";

export interface HeldOutSamples {
  readonly positives: readonly Sample[];
  readonly negatives: readonly Sample[];
  readonly background: readonly Sample[];
  /** Voices among the held-out positives and negatives. */
  readonly voices: number;
  readonly leftOut: LeftOut;
}

export function heldOutSamples(
  samples: readonly Sample[],
  trainedVoices: ReadonlySet<string>,
  modelCreatedAt: string,
): HeldOutSamples {
  const trainedBefore = Date.parse(modelCreatedAt);
  const unheard = (sample: Sample) => !trainedVoices.has(speakerIdOf(sample));
  const speech = samples.filter((s) => s.label !== "background");
  const positives = speech.filter((s) => s.label === "positive" && unheard(s));
  const negatives = speech.filter((s) => s.label === "negative" && unheard(s));
  const background = samples.filter(
    (s) => s.label === "background" && Date.parse(s.createdAt) > trainedBefore,
  );
  const backgroundCount = samples.filter((s) => s.label === "background").length;
  return {
    positives,
    negatives,
    background,
    voices: new Set([...positives, ...negatives].map(speakerIdOf)).size,
    leftOut: {
      trainedVoices: speech.length - positives.length - negatives.length,
      backgroundHeard: backgroundCount - background.length,
    },
  };
}
