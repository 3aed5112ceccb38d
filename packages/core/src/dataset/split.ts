// Train/test splits by speaker: no voice or person is in both, so held-out numbers measure
// what happens with voices the model never heard.
import { createSeededRandom } from "@wakeforge/audio";

export interface SpeakerSplitOptions {
  /** Share of speakers (roughly, of items) that go to test, in (0, 1). Default 0.2. */
  readonly testFraction?: number;
  readonly seed?: number | string;
}

export interface SpeakerSplit<T> {
  readonly train: T[];
  readonly test: T[];
  readonly trainSpeakers: string[];
  readonly testSpeakers: string[];
}

/**
 * Splits items so that no `speakerId` appears in both parts. Speakers are shuffled with the seed
 * and given to test until test holds about `testFraction` of the items; with two or more
 * speakers, each side gets at least one.
 */
export function splitBySpeaker<T extends { readonly speakerId: string }>(
  items: readonly T[],
  options: SpeakerSplitOptions = {},
): SpeakerSplit<T> {
  const testFraction = options.testFraction ?? 0.2;
  if (!(testFraction > 0 && testFraction < 1)) {
    throw new RangeError(`testFraction must be in (0, 1), got ${testFraction}`);
  }
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.speakerId, (counts.get(item.speakerId) ?? 0) + 1);
  const speakers = createSeededRandom(options.seed ?? 0).shuffled([...counts.keys()].sort());
  const target = testFraction * items.length;
  const testSpeakers = new Set<string>();
  let inTest = 0;
  for (const speaker of speakers) {
    if (testSpeakers.size > 0 && inTest >= target) break;
    if (testSpeakers.size >= speakers.length - 1) break;
    const count = counts.get(speaker) ?? 0;
    // Skip a speaker that would overshoot by more than it helps, unless test is still empty.
    if (testSpeakers.size > 0 && inTest + count - target > target - inTest) continue;
    testSpeakers.add(speaker);
    inTest += count;
  }
  const train: T[] = [];
  const test: T[] = [];
  for (const item of items) (testSpeakers.has(item.speakerId) ? test : train).push(item);
  return {
    train,
    test,
    trainSpeakers: speakers.filter((s) => !testSpeakers.has(s)).sort(),
    testSpeakers: [...testSpeakers].sort(),
  };
}

/** Category of negatives that are another wake word's positives, trained alongside this one. */
export const OTHER_WAKE_WORD = "other wake word";

/**
 * The speaker split of a wake word's data: one split of all voices together, unless that draw
 * leaves no voice saying the phrase on one side (likely with a handful of recorded voices among
 * many synthetic ones); then the voices that say it are split among themselves, so that with two
 * or more each side gets one, and the other voices among themselves. Either way a voice is wholly
 * on one side. (The first draw is kept whenever it works, so earlier runs' splits stay as they were.)
 *
 * Negatives of category OTHER_WAKE_WORD take no part in the draw: they follow their voice's side,
 * and voices heard only in them are split among themselves. So a word holds out the same voices
 * whether it is trained alone or with others, and the two can be compared like for like.
 */
export function splitWakeWordSpeakers<
  T extends { readonly speakerId: string; readonly category?: string | undefined },
>(
  positives: readonly T[],
  negatives: readonly T[],
  options: SpeakerSplitOptions = {},
): SpeakerSplit<T> {
  const ownNegatives = negatives.filter((clip) => clip.category !== OTHER_WAKE_WORD);
  const own = splitOwnSpeakers(positives, ownNegatives, options);
  if (ownNegatives.length === negatives.length) return own;

  const known = new Set([...own.trainSpeakers, ...own.testSpeakers]);
  const strangers = splitBySpeaker(
    negatives.filter((clip) => !known.has(clip.speakerId)),
    { ...options, seed: `${options.seed ?? 0}/other-wake-words` },
  );
  const testSpeakers = new Set([...own.testSpeakers, ...strangers.testSpeakers]);
  const all = [...positives, ...negatives];
  return {
    train: all.filter((clip) => !testSpeakers.has(clip.speakerId)),
    test: all.filter((clip) => testSpeakers.has(clip.speakerId)),
    trainSpeakers: [...own.trainSpeakers, ...strangers.trainSpeakers].sort(),
    testSpeakers: [...testSpeakers].sort(),
  };
}

/** The draw on the word's own clips (see splitWakeWordSpeakers). */
function splitOwnSpeakers<T extends { readonly speakerId: string }>(
  positives: readonly T[],
  negatives: readonly T[],
  options: SpeakerSplitOptions = {},
): SpeakerSplit<T> {
  const all = [...positives, ...negatives];
  const joint = splitBySpeaker(all, options);
  const positiveSpeakers = new Set(positives.map((clip) => clip.speakerId));
  const heldOut = joint.testSpeakers.filter((speaker) => positiveSpeakers.has(speaker)).length;
  if (positiveSpeakers.size < 2 || (heldOut > 0 && heldOut < positiveSpeakers.size)) return joint;

  const seed = options.seed ?? 0;
  const saying = splitBySpeaker(
    all.filter((clip) => positiveSpeakers.has(clip.speakerId)),
    { ...options, seed: `${seed}/voices-saying-it` },
  );
  const others = negatives.filter((clip) => !positiveSpeakers.has(clip.speakerId));
  const rest = splitBySpeaker(others, { ...options, seed: `${seed}/other-voices` });
  const testSpeakers = new Set([...saying.testSpeakers, ...rest.testSpeakers]);
  return {
    train: all.filter((clip) => !testSpeakers.has(clip.speakerId)),
    test: all.filter((clip) => testSpeakers.has(clip.speakerId)),
    trainSpeakers: [...saying.trainSpeakers, ...rest.trainSpeakers].sort(),
    testSpeakers: [...testSpeakers].sort(),
  };
}
