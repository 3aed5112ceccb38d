import { describe, expect, it } from "vitest";
import { SynthesisError } from "../errors.js";
import {
  assignVoiceIds,
  isMbrolaEntry,
  isVariantEntry,
  parseEspeakVoiceList,
  speaksLanguage,
} from "./espeak-ng-voice-list.js";

/** A listing in espeak-ng's column layout, built from rows so each case states its data. */
function listing(rows: readonly (readonly string[])[]): string {
  const header =
    "Pty Language       Age/Gender VoiceName          File                 Other Languages";
  const widths = [4, 15, 10, 19, 21];
  const lines = rows.map((row) =>
    row.map((cell, i) => (i < widths.length ? cell.padEnd(widths[i] ?? 0) : cell)).join(" "),
  );
  return [header, ...lines, ""].join("\n");
}

describe("parseEspeakVoiceList", () => {
  const rows = [
    [" 2", "en-US", "--/M", "English_(America)", "gmw/en-US", "(en 3)"],
    [" 5", "yue", "--/M", "Chinese_(Cantonese)", "sit/yue", "(zh-yue 5)(zh 8)"],
    [
      " 5",
      "yue",
      "--/F",
      "Chinese_(Cantonese,_latin_as_Jyutping)",
      "sit/yue-Latn-jyutping",
      "(zh-yue 5)",
    ],
    [" 6", "de", "--/F", "german-mbrola-1", "mb/mb-de1", ""],
    [" 5", "variant", "70/F", "female1", "!v/f1", ""],
    [" 5", "xx", "--/-", "Unknown", "art/xx", ""],
  ] as const;
  const entries = parseEspeakVoiceList(listing(rows));

  it("reads every row: language, other languages, gender, readable name, file", () => {
    expect(entries).toHaveLength(rows.length);
    expect(entries[0]).toEqual({
      language: "en-us",
      otherLanguages: ["en"],
      gender: "male",
      name: "English (America)",
      file: "gmw/en-US",
    });
    expect(entries[1]?.otherLanguages).toEqual(["zh-yue", "zh"]);
    expect(entries[2]?.gender).toBe("female");
    expect(entries[2]?.name).toBe("Chinese (Cantonese, latin as Jyutping)");
    expect(entries[5]?.gender).toBeUndefined();
  });

  it("tells variants and MBROLA voices apart from ordinary voices", () => {
    expect(entries.map(isVariantEntry)).toEqual([false, false, false, false, true, false]);
    expect(entries.map(isMbrolaEntry)).toEqual([false, false, false, true, false, false]);
  });

  it("ids voices by language unless the language is shared, then by file", () => {
    const ids = assignVoiceIds(entries.filter((e) => !isVariantEntry(e) && !isMbrolaEntry(e)));
    expect(ids.map(({ id }) => id)).toEqual(["en-us", "sit/yue", "sit/yue-Latn-jyutping", "xx"]);
  });

  it("matches a language by prefix, in its own or its other languages", () => {
    const [enUs, yue] = entries;
    if (enUs === undefined || yue === undefined) throw new Error("rows missing");
    expect(speaksLanguage(enUs, "en")).toBe(true);
    expect(speaksLanguage(enUs, "EN-us")).toBe(true);
    expect(speaksLanguage(enUs, "e")).toBe(false);
    expect(speaksLanguage(enUs, "de")).toBe(false);
    expect(speaksLanguage(yue, "zh")).toBe(true);
  });

  it("refuses a line it cannot read instead of dropping a voice", () => {
    expect(() => parseEspeakVoiceList(`${listing(rows)}\nsomething else entirely\n`)).toThrow(
      SynthesisError,
    );
    expect(() => parseEspeakVoiceList(`${listing(rows)}\nsomething else entirely\n`)).toThrow(
      /cannot read this line.*"something else entirely"/,
    );
  });
});
