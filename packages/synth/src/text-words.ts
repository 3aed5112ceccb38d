/** Lower-case words of `text`, punctuation and apostrophes dropped: "Hey, Nova's!" → hey novas. */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/['’]/gu, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== "");
}

/** Whether `words` holds `phrase` as consecutive words. */
export function containsWordRun(words: readonly string[], phrase: readonly string[]): boolean {
  if (phrase.length === 0) return false;
  for (let start = 0; start + phrase.length <= words.length; start += 1) {
    if (phrase.every((word, i) => words[start + i] === word)) return true;
  }
  return false;
}

/** Same words in the same order, case and punctuation aside. */
export function sameWords(a: string, b: string): boolean {
  return wordsOf(a).join(" ") === wordsOf(b).join(" ");
}
