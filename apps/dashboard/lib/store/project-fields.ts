// Checks and normalises what a person types for a project: the trigger phrase and the name.
// Messages say what was wrong with what was typed, for the page to show as they are.
import { StoreError } from "./errors";

export const PHRASE_MAX_CHARS = 60;
export const PHRASE_MAX_WORDS = 8;
export const NAME_MAX_CHARS = 80;

// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL = /[\u0000-\u001f\u007f]/u;

function collapse(text: string): string {
  return text.normalize("NFC").trim().replace(/\s+/gu, " ");
}

/** The phrase as stored: trimmed, single spaces. Throws StoreError INVALID_PHRASE. */
export function normalizePhrase(raw: unknown): string {
  if (typeof raw !== "string") {
    throw new StoreError("INVALID_PHRASE", 'the phrase must be text, such as "hey nova"');
  }
  const phrase = collapse(raw);
  if (phrase === "") throw new StoreError("INVALID_PHRASE", "the phrase is empty");
  if (CONTROL.test(phrase)) {
    throw new StoreError("INVALID_PHRASE", "the phrase contains control characters");
  }
  if (!/\p{L}/u.test(phrase)) {
    throw new StoreError("INVALID_PHRASE", `"${phrase}" has no letters: type the words to say`);
  }
  if (phrase.length > PHRASE_MAX_CHARS) {
    throw new StoreError(
      "INVALID_PHRASE",
      `the phrase has ${phrase.length} characters; at most ${PHRASE_MAX_CHARS} fit a wake word`,
    );
  }
  const words = phrase.split(" ").length;
  if (words > PHRASE_MAX_WORDS) {
    throw new StoreError(
      "INVALID_PHRASE",
      `the phrase has ${words} words; a wake word has at most ${PHRASE_MAX_WORDS}`,
    );
  }
  return phrase;
}

/**
 * What makes two phrases the same wake word: case, punctuation and spacing aside
 * ("Hey, Nova!" and "hey nova" are one phrase).
 */
export function phraseKey(phrase: string): string {
  return collapse(
    phrase
      .normalize("NFC")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s']/gu, " "),
  );
}

/** The name as stored: trimmed, single spaces. Throws StoreError INVALID_NAME. */
export function normalizeName(raw: unknown): string {
  if (typeof raw !== "string") throw new StoreError("INVALID_NAME", "the name must be text");
  const name = collapse(raw);
  if (name === "") throw new StoreError("INVALID_NAME", "the name is empty");
  if (CONTROL.test(name)) {
    throw new StoreError("INVALID_NAME", "the name contains control characters");
  }
  if (name.length > NAME_MAX_CHARS) {
    throw new StoreError(
      "INVALID_NAME",
      `the name has ${name.length} characters; at most ${NAME_MAX_CHARS} are kept`,
    );
  }
  return name;
}
