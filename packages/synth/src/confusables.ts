import { createSeededRandom } from "@wakeforge/audio";
import { subSeed } from "./sub-seed.js";
import { ESPEAK_NG } from "./engines/espeak-ng-voice-list.js";
import { phonemeDistance, phonemize, startsWithPhonemes, type Phonemes } from "./phonemes.js";
import { sameWords, wordsOf } from "./text-words.js";
import { COMMON_WORDS, SOUND_ALIKE_WORDS } from "./texts/common-words.js";

/**
 * partial: part of the phrase ("hey", "nova", "hey no");
 * substitution: one word swapped for a sound-alike ("hey nover", "a nova");
 * addition: a word added to part of the phrase or a word extended ("bossa nova", "hey there nova").
 */
export type ConfusableKind = "partial" | "substitution" | "addition";

export interface ConfusablePhrase {
  readonly text: string;
  readonly kind: ConfusableKind;
  /** Phoneme (or, in the fallback, letter) edits from the phrase's word it replaces; 0 for partials. */
  readonly distance: number;
}

export interface ConfusableResult {
  readonly phrases: readonly ConfusablePhrase[];
  /** "phonemes": from espeak-ng's pronunciations; "spelling": letter edits only. */
  readonly method: "phonemes" | "spelling";
  /** Why the spelling fallback was used. */
  readonly note?: string;
}

export interface ConfusableOptions {
  /** Default "en". Outside English the built-in word list does not apply: spelling edits. */
  readonly language?: string;
  /** Most phrases to return; fewer come back when fewer exist. */
  readonly count: number;
  readonly seed: number | string;
  /** espeak-ng program for pronunciations, or false to use spelling edits. Default "espeak-ng". */
  readonly espeakNg?: { readonly binary?: string } | false;
}

interface Candidate extends ConfusablePhrase {
  /** Lower sorts first within a kind. */
  readonly rank: number;
}

/** Words the built-in lists know, deduplicated, lower case. */
const VOCABULARY: readonly string[] = [...new Set([...COMMON_WORDS, ...SOUND_ALIKE_WORDS])];

/** Short fillers put between the phrase's words: "hey there nova". */
const INSERTED_WORDS = ["there", "so", "the", "oh", "my", "you", "and"];

/**
 * Near-miss phrases a detector must learn to reject, derived from how the phrase sounds:
 * parts of it, one word swapped for a phonetically close word (edit distance over espeak-ng
 * phonemes against a built-in list of about 700 words), and additions. Homophones (distance 0,
 * e.g. "hay" for "hey") are left out: they sound like the phrase and would be false negatives.
 * Never returns the phrase itself. The same options give the same phrases.
 */
export async function confusablePhrases(
  phrase: string,
  options: ConfusableOptions,
): Promise<ConfusableResult> {
  const words = wordsOf(phrase);
  if (words.length === 0) throw new RangeError("phrase has no words");
  if (!Number.isInteger(options.count) || options.count < 0) {
    throw new RangeError(`count must be a whole number ≥ 0, got ${options.count}`);
  }
  const language = (options.language ?? "en").toLowerCase();
  let candidates: Candidate[];
  let method: ConfusableResult["method"] = "phonemes";
  let note: string | undefined;
  if (options.espeakNg === false) {
    method = "spelling";
    note = "pronunciations turned off by option: spelling edits only";
  } else if (language !== "en" && !language.startsWith("en-")) {
    method = "spelling";
    note = `the built-in word list is English: for "${language}", parts of the phrase and spelling edits only`;
  }
  if (method === "phonemes") {
    try {
      const binary = options.espeakNg === false ? undefined : options.espeakNg?.binary;
      candidates = await phoneticCandidates(words, binary ?? ESPEAK_NG);
    } catch (error) {
      method = "spelling";
      const why = error instanceof Error ? error.message : String(error);
      note = `pronunciations unavailable (${why}): spelling edits only`;
      candidates = spellingCandidates(words);
    }
  } else {
    candidates = spellingCandidates(words);
  }
  const phrases = choose(candidates, phrase, options.count, options.seed);
  return { phrases, method, ...(note === undefined ? {} : { note }) };
}

async function phoneticCandidates(words: readonly string[], binary: string): Promise<Candidate[]> {
  const [vocabulary, phraseWords] = await Promise.all([
    vocabularyPhonemes(binary),
    phonemize(words, { binary, voice: "en-us" }),
  ]);
  const candidates: Candidate[] = [...wordRunPartials(words)];
  words.forEach((word, position) => {
    const own = phraseWords[position] as Phonemes;
    for (const [other, sounds] of vocabulary) {
      if (other === word) continue;
      const distance = phonemeDistance(own, sounds);
      // Distance 0 is a homophone: it sounds like the phrase, so it is no negative.
      if (distance === 0) continue;
      const allowed = Math.max(1, Math.floor(own.length / 2));
      if (distance <= allowed) {
        candidates.push({
          text: replaceWord(words, position, other),
          kind: "substitution",
          distance,
          rank: distance / own.length,
        });
      }
      if (startsWithPhonemes(own, sounds) && sounds.length >= 2) {
        // The phrase cut short inside this word: "hey nova" → "hey no".
        candidates.push({
          text: [...words.slice(0, position), other].join(" "),
          kind: "partial",
          distance: own.length - sounds.length,
          rank: 0.5,
        });
      }
      if (startsWithPhonemes(sounds, own) || endsWithPhonemes(sounds, own)) {
        // The word inside a longer word: "hey" → "hate", "nova" → "supernova".
        candidates.push({
          text: replaceWord(words, position, other),
          kind: "addition",
          distance: sounds.length - own.length,
          rank: (sounds.length - own.length) / own.length,
        });
      }
    }
  });
  candidates.push(...wordAdditions(words, vocabulary, phraseWords));
  // Spelling edits fill in where the word list has few neighbours (single-word phrases),
  // behind the phonetic ones and without those that sound exactly like the phrase.
  const spelled = spellingCandidates(words).filter((c) => c.kind !== "partial");
  const spelledSounds = await phonemize(
    spelled.map((c) => c.text),
    { binary, voice: "en-us" },
  );
  const phraseSounds = phraseWords.flat();
  spelled.forEach((candidate, i) => {
    const distance = phonemeDistance(spelledSounds[i] as Phonemes, phraseSounds);
    if (distance > 0) candidates.push({ ...candidate, distance, rank: candidate.rank + 2 });
  });
  return candidates;
}

/** A word before the phrase's tail or after its head ("bossa nova", "hey now"), or between words. */
function wordAdditions(
  words: readonly string[],
  vocabulary: ReadonlyMap<string, Phonemes>,
  phraseWords: readonly Phonemes[],
): Candidate[] {
  if (words.length < 2) return [];
  const candidates: Candidate[] = [];
  const first = phraseWords[0] as Phonemes;
  const last = phraseWords[phraseWords.length - 1] as Phonemes;
  for (const [other, sounds] of vocabulary) {
    if (words.includes(other)) continue;
    // Words that rhyme with or echo the word they stand in for make the hardest negatives.
    const fromFirst = phonemeDistance(sounds, first);
    const fromLast = phonemeDistance(sounds, last);
    // Distance 0 is a homophone of the word replaced, and so no negative.
    if (fromFirst > 0) {
      candidates.push({
        text: [other, ...words.slice(1)].join(" "),
        kind: "addition",
        distance: fromFirst,
        rank: 1 + fromFirst / Math.max(first.length, sounds.length),
      });
    }
    if (fromLast > 0) {
      candidates.push({
        text: [...words.slice(0, -1), other].join(" "),
        kind: "addition",
        distance: fromLast,
        rank: 1 + fromLast / Math.max(last.length, sounds.length),
      });
    }
  }
  for (let gap = 1; gap < words.length; gap += 1) {
    for (const filler of INSERTED_WORDS) {
      candidates.push({
        text: [...words.slice(0, gap), filler, ...words.slice(gap)].join(" "),
        kind: "addition",
        distance: 1,
        rank: 1,
      });
    }
  }
  return candidates;
}

function endsWithPhonemes(whole: Phonemes, suffix: Phonemes): boolean {
  return (
    suffix.length > 0 &&
    suffix.length < whole.length &&
    suffix.every((p, i) => whole[whole.length - suffix.length + i] === p)
  );
}

/** Every shorter run of the phrase's consecutive words: "hey nova" → "hey", "nova". */
function wordRunPartials(words: readonly string[]): Candidate[] {
  const candidates: Candidate[] = [];
  for (let length = words.length - 1; length >= 1; length -= 1) {
    for (let start = 0; start + length <= words.length; start += 1) {
      candidates.push({
        text: words.slice(start, start + length).join(" "),
        kind: "partial",
        distance: 0,
        rank: words.length - length,
      });
    }
  }
  return candidates;
}

const vocabularyCache = new Map<string, Promise<Map<string, Phonemes>>>();

function vocabularyPhonemes(binary: string): Promise<Map<string, Phonemes>> {
  let cached = vocabularyCache.get(binary);
  if (cached === undefined) {
    cached = phonemize(VOCABULARY, { binary, voice: "en-us" }).then(
      (all) => new Map(VOCABULARY.map((word, i) => [word, all[i] as Phonemes])),
    );
    vocabularyCache.set(binary, cached);
    cached.catch(() => vocabularyCache.delete(binary));
  }
  return cached;
}

const VOWELS = ["a", "e", "i", "o", "u"];

/** Without pronunciations: parts of the phrase, vowel swaps, a letter dropped or added. */
function spellingCandidates(words: readonly string[]): Candidate[] {
  const candidates: Candidate[] = [...wordRunPartials(words)];
  words.forEach((word, position) => {
    const letters = [...word];
    if (letters.length >= 3) {
      candidates.push({
        text: [...words.slice(0, position), letters.slice(0, -1).join("")].join(" "),
        kind: "partial",
        distance: 1,
        rank: 0.5,
      });
    }
    letters.forEach((letter, i) => {
      if (!VOWELS.includes(letter)) return;
      for (const vowel of VOWELS) {
        if (vowel === letter) continue;
        const swapped = [...letters.slice(0, i), vowel, ...letters.slice(i + 1)].join("");
        candidates.push({
          text: replaceWord(words, position, swapped),
          kind: "substitution",
          distance: 1,
          rank: 1 / letters.length,
        });
      }
    });
    for (const ending of ["r", "s", "n"]) {
      candidates.push({
        text: replaceWord(words, position, word + ending),
        kind: "addition",
        distance: 1,
        rank: 1 / letters.length,
      });
    }
  });
  return candidates;
}

function replaceWord(words: readonly string[], position: number, replacement: string): string {
  return words.map((word, i) => (i === position ? replacement : word)).join(" ");
}

/**
 * Up to `count` distinct candidates, taking turns between kinds so each is represented; within a
 * kind the closest come first, ties shuffled by `seed`.
 */
function choose(
  candidates: readonly Candidate[],
  phrase: string,
  count: number,
  seed: number | string,
): ConfusablePhrase[] {
  const random = createSeededRandom(subSeed(seed, "confusables"));
  const seen = new Set<string>([wordsOf(phrase).join(" ")]);
  const byKind = new Map<ConfusableKind, Candidate[]>();
  const kindOrder: ConfusableKind[] = ["partial", "substitution", "addition"];
  // Shuffled, then stably sorted by kind: the same text found two ways counts as the first kind.
  const ordered = random
    .shuffled(candidates)
    .sort((a, b) => kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind));
  for (const candidate of ordered) {
    const key = wordsOf(candidate.text).join(" ");
    if (seen.has(key) || sameWords(candidate.text, phrase)) continue;
    seen.add(key);
    byKind.set(candidate.kind, [...(byKind.get(candidate.kind) ?? []), candidate]);
  }
  // A stable sort keeps the seeded order among equal ranks.
  const queues = kindOrder.map((kind) => (byKind.get(kind) ?? []).sort((a, b) => a.rank - b.rank));
  const chosen: ConfusablePhrase[] = [];
  for (let depth = 0; chosen.length < count; depth += 1) {
    let added = false;
    for (const queue of queues) {
      const candidate = queue[depth];
      if (candidate === undefined || chosen.length >= count) continue;
      chosen.push({ text: candidate.text, kind: candidate.kind, distance: candidate.distance });
      added = true;
    }
    if (!added) break;
  }
  return chosen;
}
