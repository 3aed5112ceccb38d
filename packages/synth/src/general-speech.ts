import { createSeededRandom } from "@wakeforge/audio";
import { subSeed } from "./sub-seed.js";
import { containsWordRun, wordsOf } from "./text-words.js";
import { COMMON_WORDS } from "./texts/common-words.js";
import { EVERYDAY_SENTENCES } from "./texts/everyday-sentences.js";

export { COMMON_WORDS, SOUND_ALIKE_WORDS } from "./texts/common-words.js";
export { EVERYDAY_SENTENCES } from "./texts/everyday-sentences.js";

export interface GeneralSpeechOptions {
  readonly count: number;
  readonly seed: number | string;
  /** The wake phrase: no text holding its words in order is returned. */
  readonly exclude?: string;
}

/** One in this many texts is a single word, the rest sentences: short and long negatives. */
const WORD_EVERY = 3;

/**
 * `count` texts of ordinary speech from the built-in sentences and words, shuffled by `seed`;
 * sentences and words each come once before any repeats. Nothing containing `exclude`'s words,
 * in order, is returned, whatever the case or punctuation.
 */
export function generalSpeechTexts(options: GeneralSpeechOptions): string[] {
  const { count, seed } = options;
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`count must be a whole number ≥ 0, got ${count}`);
  }
  const phrase = wordsOf(options.exclude ?? "");
  const allowed = (text: string) => !containsWordRun(wordsOf(text), phrase);
  const random = createSeededRandom(subSeed(seed, "general-speech"));
  const sentences = random.shuffled(EVERYDAY_SENTENCES.filter(allowed));
  const words = random.shuffled(COMMON_WORDS.filter(allowed));
  const texts: string[] = [];
  let nextSentence = 0;
  let nextWord = 0;
  for (let i = 0; i < count; i += 1) {
    const pickWord =
      (i % WORD_EVERY === WORD_EVERY - 1 && words.length > 0) || sentences.length === 0;
    if (pickWord) {
      texts.push(words[nextWord % words.length] as string);
      nextWord += 1;
    } else {
      texts.push(sentences[nextSentence % sentences.length] as string);
      nextSentence += 1;
    }
  }
  return texts;
}
