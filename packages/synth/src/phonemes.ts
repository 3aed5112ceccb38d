// Phonemes of words from espeak-ng's `-x` output (its ASCII phoneme names), one list per word.
import { ENGINE_QUERY_TIMEOUT_MS } from "./constants.js";
import { ESPEAK_NG } from "./engines/espeak-ng-voice-list.js";
import { SynthEngineUnavailableError, SynthesisError } from "./errors.js";
import { isProgramMissing, runProgram } from "./process/run-program.js";

export type Phonemes = readonly string[];

export interface PhonemizeOptions {
  /** espeak-ng program. Default "espeak-ng". */
  readonly binary?: string;
  /** espeak-ng voice whose pronunciation rules apply, e.g. "en-us". */
  readonly voice: string;
}

/**
 * Phonemes of each text (a word or a phrase; word boundaries are not kept), in one espeak-ng
 * run. Stress marks are dropped and reduced variants ("t2") folded into their phoneme, since
 * closeness of sound, not stress, is what a detector confuses.
 */
export async function phonemize(
  texts: readonly string[],
  options: PhonemizeOptions,
): Promise<Phonemes[]> {
  const binary = options.binary ?? ESPEAK_NG;
  if (texts.length === 0) return [];
  // One text per line, each ended by a full stop so espeak-ng prints one line per text.
  const input = texts.map((text) => `${text.replace(/[\s.!?]+/gu, " ").trim()}.\n`).join("");
  let result;
  try {
    result = await runProgram(
      binary,
      ["-q", "-x", "--sep=_", "-b", "1", "-v", options.voice, "--stdin"],
      { input, timeoutMs: ENGINE_QUERY_TIMEOUT_MS * 3 },
    );
  } catch (error) {
    if (isProgramMissing(error)) {
      throw new SynthEngineUnavailableError(ESPEAK_NG, `${binary} not found`, { cause: error });
    }
    throw error;
  }
  if (result.exitCode !== 0) {
    throw new SynthesisError(
      ESPEAK_NG,
      "PROCESS_FAILED",
      `${binary} -x exited with code ${result.exitCode}`,
      {
        stderr: result.stderr,
        exitCode: result.exitCode,
      },
    );
  }
  const lines = new TextDecoder()
    .decode(result.stdout)
    .split("\n")
    .filter((line) => line.trim() !== "");
  if (lines.length !== texts.length) {
    throw new SynthesisError(
      ESPEAK_NG,
      "UNEXPECTED_OUTPUT",
      `${binary} -x printed ${lines.length} lines of phonemes for ${texts.length} texts`,
    );
  }
  return lines.map(parsePhonemeLine);
}

export function parsePhonemeLine(line: string): Phonemes {
  return line
    .trim()
    .split(/[\s_]+/u)
    .map((token) => token.replace(/['",%=]/gu, "").replace(/(?<=.)2$/u, ""))
    .filter((token) => token !== "");
}

/** Levenshtein distance between two phoneme sequences. */
export function phonemeDistance(a: Phonemes, b: Phonemes): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** Whether `prefix` is a strict beginning of `whole`. */
export function startsWithPhonemes(whole: Phonemes, prefix: Phonemes): boolean {
  return (
    prefix.length > 0 && prefix.length < whole.length && prefix.every((p, i) => whole[i] === p)
  );
}
