// From the project's samples to what training takes: who speaks in each clip (held-out voices
// are never trained on), whether it is real or synthetic, and whether there is enough of it.
import type { Sample, SampleLabel } from "../store/types";

/** The least a project needs before training is worth starting (the page says so when short). */
export const TRAINING_MINIMUMS = {
  /** Clips of the phrase. */
  positives: 4,
  /** Different voices among them: one is held out to measure recall on a voice never heard. */
  positiveVoices: 2,
  /** Clips of other speech, so the detector learns what not to wake on. */
  negatives: 4,
} as const;

/** One sample as the training worker fetches and labels it. */
export interface TrainingClipRef {
  readonly id: string;
  readonly label: SampleLabel;
  readonly source: "synthetic" | "recorded";
  readonly speakerId: string;
  readonly text?: string;
  /** Absolute URL of the stored WAV. */
  readonly url: string;
}

/**
 * Who speaks in a sample. Synthetic speech: the engine and voice (its variants of speed and
 * pitch are the same speaker). Recordings made on this page: the person at the microphone.
 * Uploads: unknown, so each file counts as its own voice. Background: each clip its own source.
 */
export function speakerIdOf(sample: Sample): string {
  if (sample.label === "background") return `background:${sample.id}`;
  switch (sample.source) {
    case "synthesized":
      return `${sample.engine ?? "tts"}:${sample.voice ?? sample.id}`;
    case "recorded":
      return "user:recorded";
    default:
      return `upload:${sample.id}`;
  }
}

export function trainingClipRefs(
  samples: readonly Sample[],
  audioUrl: (sample: Sample) => string,
): TrainingClipRef[] {
  return samples.map((sample) => ({
    id: sample.id,
    label: sample.label,
    source: sample.source === "synthesized" ? "synthetic" : "recorded",
    speakerId: speakerIdOf(sample),
    ...(sample.text ? { text: sample.text } : {}),
    url: audioUrl(sample),
  }));
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What is missing before training can start, as one sentence; undefined when nothing is. */
export function trainingShortfall(samples: readonly Sample[]): string | undefined {
  const positives = samples.filter((s) => s.label === "positive");
  const negatives = samples.filter((s) => s.label === "negative").length;
  const voices = new Set(positives.map(speakerIdOf)).size;
  const {
    positives: minPositives,
    positiveVoices: minVoices,
    negatives: minNegatives,
  } = TRAINING_MINIMUMS;
  if (positives.length >= minPositives && voices >= minVoices && negatives >= minNegatives) {
    return undefined;
  }
  return (
    `Training needs at least ${minPositives} positives (the phrase) from at least ${minVoices} ` +
    `voices and ${minNegatives} negatives (other speech); this project has ` +
    `${count(positives.length, "positive")} from ${count(voices, "voice")} and ` +
    `${count(negatives, "negative")}. Add more on the Data tab: synthesized speech brings many voices.`
  );
}
