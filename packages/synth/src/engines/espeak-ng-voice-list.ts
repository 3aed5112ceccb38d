// Reads the table `espeak-ng --voices` prints:
//   Pty Language       Age/Gender VoiceName          File                 Other Languages
//    2  en-us           --/M      English_(America)  gmw/en-US            (en 3)
import type { VoiceGender } from "../engine.js";
import { SynthesisError } from "../errors.js";

export const ESPEAK_NG = "espeak-ng";

export interface EspeakVoiceEntry {
  readonly language: string;
  /** Further languages the voice is listed under, e.g. "en" for "en-us". */
  readonly otherLanguages: readonly string[];
  readonly gender?: VoiceGender;
  /** Underscores of the listing turned back into spaces. */
  readonly name: string;
  /** Path under espeak-ng's voices folder, e.g. "gmw/en-US"; unambiguous for `-v`. */
  readonly file: string;
}

const OTHER_LANGUAGE = /\(([^\s()]+)\s+\d+\)/g;

export function parseEspeakVoiceList(listing: string): EspeakVoiceEntry[] {
  const entries: EspeakVoiceEntry[] = [];
  for (const line of listing.split("\n")) {
    const fields = line.trim().split(/\s+/);
    if (fields[0] === "" || fields[0] === "Pty") continue;
    const [priority, language, ageGender, name, file, ...rest] = fields;
    if (
      file === undefined ||
      !/^\d+$/.test(priority ?? "") ||
      !/^[^/]*\/[MF-]$/.test(ageGender ?? "")
    ) {
      throw new SynthesisError(
        ESPEAK_NG,
        "UNEXPECTED_OUTPUT",
        `cannot read this line of \`espeak-ng --voices\`: "${line.trim()}"`,
      );
    }
    const genderLetter = ageGender?.slice(-1);
    const gender = genderLetter === "F" ? "female" : genderLetter === "M" ? "male" : undefined;
    entries.push({
      language: (language ?? "").toLowerCase(),
      otherLanguages: [...rest.join(" ").matchAll(OTHER_LANGUAGE)].map((m) =>
        (m[1] ?? "").toLowerCase(),
      ),
      ...(gender === undefined ? {} : { gender }),
      name: (name ?? "").replaceAll("_", " "),
      file,
    });
  }
  return entries;
}

/** Voice variants live under "!v/"; MBROLA voices ("mb/") need a separate program and data. */
export function isVariantEntry(entry: EspeakVoiceEntry): boolean {
  return entry.file.startsWith("!v/");
}

export function isMbrolaEntry(entry: EspeakVoiceEntry): boolean {
  return entry.file.startsWith("mb/");
}

/**
 * The id a voice is known by: its language tag ("en-us"), or, where several voices share a
 * language, its file ("sit/yue-Latn-jyutping"), so that every id names one voice.
 */
export function assignVoiceIds(
  entries: readonly EspeakVoiceEntry[],
): { id: string; entry: EspeakVoiceEntry }[] {
  const perLanguage = new Map<string, number>();
  for (const { language } of entries) {
    perLanguage.set(language, (perLanguage.get(language) ?? 0) + 1);
  }
  return entries.map((entry) => ({
    id: (perLanguage.get(entry.language) ?? 0) > 1 ? entry.file : entry.language,
    entry,
  }));
}

/** "de" matches a voice listed under "de" or "de-…", as its own language or another one. */
export function speaksLanguage(entry: EspeakVoiceEntry, language: string): boolean {
  const wanted = language.toLowerCase();
  return [entry.language, ...entry.otherLanguages].some(
    (tag) => tag === wanted || tag.startsWith(`${wanted}-`),
  );
}
