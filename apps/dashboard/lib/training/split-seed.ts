// trainWakeWord holds out whole voices, drawn from positives and negatives together with the
// run's seed. With a handful of voices the draw can hold out only voices that never say the
// phrase, and training stops with TOO_FEW_SPEAKERS although the data would do. This finds the
// first seed from the one asked for whose draw holds out a positive voice and trains on another,
// using core's own splitBySpeaker with the arguments trainWakeWord passes it.
import { splitBySpeaker } from "@wakeforge/core/browser";

/** trainWakeWord's default share of voices held out. */
const TEST_FRACTION = 0.2;
/** Seeds tried after the one asked for; with two positive voices about half of them work. */
const SEEDS_TRIED = 50;

/** Who speaks in each clip: all the split looks at (a Dataset, or a project's samples). */
export interface SpeakerClips {
  readonly positives: readonly { readonly speakerId: string }[];
  readonly negatives: readonly { readonly speakerId: string }[];
}

/** `seed`, or the next seed that keeps a positive voice on each side; undefined if none does. */
export function seedWithHeldOutPositives(dataset: SpeakerClips, seed: number): number | undefined {
  const speech = [...dataset.positives, ...dataset.negatives];
  const positiveSpeakers = new Set(dataset.positives.map((clip) => clip.speakerId));
  for (let candidate = seed; candidate <= seed + SEEDS_TRIED; candidate += 1) {
    const { testSpeakers } = splitBySpeaker(speech, {
      testFraction: TEST_FRACTION,
      seed: candidate,
    });
    const heldOut = testSpeakers.filter((speaker) => positiveSpeakers.has(speaker)).length;
    if (heldOut > 0 && heldOut < positiveSpeakers.size) return candidate;
  }
  return undefined;
}
