import { readFile } from "node:fs/promises";

export const MANIFEST_FILE = "manifest.json";
export const MANIFEST_FORMAT = "wakeforge-synthetic-dataset";
export const MANIFEST_VERSION = 1;

export type ClipKind = "positive" | "negative";
export type ClipCategory = "phrase" | "confusable" | "general";

/** One WAV file of the data set: 16 kHz, mono, 16-bit PCM. */
export interface SyntheticClip {
  /** Relative to the data set folder, with "/" separators: "positives/positive-0001.wav". */
  readonly file: string;
  readonly kind: ClipKind;
  readonly source: "synthetic";
  readonly engine: string;
  readonly voiceId: string;
  /** null: the voice's own timbre. */
  readonly variant: string | null;
  /** Engine+voice+variant; splits keep each speaker on one side. */
  readonly speakerId: string;
  readonly text: string;
  readonly category: ClipCategory;
  readonly rateWpm: number;
  /** null: the voice's own pitch (it cannot be changed). */
  readonly pitch: number | null;
  readonly durationSeconds: number;
}

export interface SyntheticManifest {
  readonly format: typeof MANIFEST_FORMAT;
  readonly version: typeof MANIFEST_VERSION;
  readonly phrase: string;
  readonly language: string;
  readonly seed: number | string;
  readonly sampleRateHz: number;
  /** Engines used and what the generation had to leave out or fall back on. */
  readonly engines: readonly string[];
  readonly notes: readonly string[];
  readonly clips: readonly SyntheticClip[];
}

/** The manifest of an earlier run in `path`, or undefined when there is none or it is unreadable. */
export async function readManifestIfAny(path: string): Promise<SyntheticManifest | undefined> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    return undefined;
  }
  try {
    const parsed = JSON.parse(text) as Partial<SyntheticManifest>;
    return parsed.format === MANIFEST_FORMAT && Array.isArray(parsed.clips)
      ? (parsed as SyntheticManifest)
      : undefined;
  } catch {
    // A damaged manifest only costs the resume: every clip is made again.
    return undefined;
  }
}
