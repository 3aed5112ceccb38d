// Loading data sets from disk (Node): the folder layout (positives/, negatives/, background/,
// optional manifest.json as written by @wakeforge/synth) and the Speech Commands layout
// (<label>/*.wav, _background_noise_/). Every file is decoded (any format decodeAudio reads)
// and resampled to 16 kHz; a file that cannot be used becomes a DatasetFileError in `errors`.
import { readFile, readdir, stat } from "node:fs/promises";
import { basename, join, relative, resolve, sep } from "node:path";
import { SAMPLE_RATE_HZ, resample } from "@wakeforge/audio";
import { readAudioFile } from "@wakeforge/audio/node";
import {
  DatasetError,
  DatasetFileError,
  type ClipKind,
  type ClipSource,
  type Dataset,
  type DatasetClip,
} from "./dataset-types.js";
import { assignTrainingWeights, type TrainingWeightOptions } from "./weights.js";

/** File name endings read as audio; anything else in a data set folder is ignored. */
export const AUDIO_FILE_EXTENSIONS = [".wav", ".mp3", ".flac", ".ogg", ".opus", ".webm", ".oga"];

/** One entry of a data set's manifest.json (as @wakeforge/synth writes it). */
export interface DatasetManifestEntry {
  readonly file: string;
  readonly kind: string;
  readonly source: ClipSource;
  readonly engine?: string;
  readonly voiceId?: string;
  readonly speakerId?: string;
  readonly text?: string;
  readonly category?: string;
}

export interface LoadFolderDatasetOptions extends TrainingWeightOptions {
  /** Source of files the manifest does not describe. Default `recorded`. */
  readonly defaultSource?: ClipSource;
  /**
   * Speaker of recorded files the manifest does not describe; default: `user:<sub-folder>` for
   * files in a sub-folder of positives/ or negatives/, else `user:<data set folder name>`.
   */
  readonly recordedSpeaker?: string;
  /** Longest file read (seconds); longer ones become errors. Default 3600. */
  readonly maxDurationSeconds?: number;
}

const toPosix = (path: string) => path.split(sep).join("/");

function isAudioFile(name: string): boolean {
  const lower = name.toLowerCase();
  return AUDIO_FILE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

async function listAudioFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (current: string) => {
    const entries = await readdir(current, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      const path = join(current, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile() && isAudioFile(entry.name)) found.push(path);
    }
  };
  await walk(dir);
  return found;
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** Decodes one file to 16 kHz mono, or returns the reason it cannot be used. */
export async function readClipSamples(
  file: string,
  options: { maxDurationSeconds?: number } = {},
): Promise<Float32Array | DatasetFileError> {
  try {
    const decoded = await readAudioFile(file, {
      ...(options.maxDurationSeconds === undefined
        ? {}
        : { maxDurationSeconds: options.maxDurationSeconds }),
    });
    const samples =
      decoded.sampleRateHz === SAMPLE_RATE_HZ
        ? decoded.samples
        : resample(decoded.samples, decoded.sampleRateHz, SAMPLE_RATE_HZ);
    if (samples.length === 0) return new DatasetFileError(file, "decoded to no samples");
    return samples;
  } catch (error) {
    const reason =
      error instanceof Error && "problem" in error && typeof error.problem === "string"
        ? error.problem
        : error instanceof Error
          ? error.message
          : String(error);
    return new DatasetFileError(file, reason, { cause: error });
  }
}

function normaliseKind(kind: string): ClipKind | undefined {
  const k = kind.toLowerCase().replace(/s$/, "");
  return k === "positive" || k === "negative" || k === "background" ? k : undefined;
}

async function readManifest(root: string): Promise<Map<string, DatasetManifestEntry>> {
  const path = join(root, "manifest.json");
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return new Map();
    throw new DatasetError(`${path}: cannot read: ${(error as Error).message}`, { cause: error });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new DatasetError(`${path}: not valid JSON: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const list = Array.isArray(parsed)
    ? parsed
    : ((parsed as { entries?: unknown; clips?: unknown } | null)?.entries ??
      (parsed as { clips?: unknown } | null)?.clips);
  if (!Array.isArray(list)) {
    throw new DatasetError(`${path}: expected an array of entries or { "entries": [...] }`);
  }
  const entries = new Map<string, DatasetManifestEntry>();
  list.forEach((raw: unknown, i) => {
    const entry = raw as Partial<DatasetManifestEntry> | null;
    if (!entry || typeof entry.file !== "string" || typeof entry.kind !== "string") {
      throw new DatasetError(`${path}: entry ${i} needs "file" and "kind" strings`);
    }
    if (entry.source !== "synthetic" && entry.source !== "recorded") {
      throw new DatasetError(
        `${path}: entry ${i} (${entry.file}): source must be "synthetic" or "recorded"`,
      );
    }
    entries.set(toPosix(entry.file).replace(/^\.\//, ""), entry as DatasetManifestEntry);
  });
  return entries;
}

function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * A data set from folders: `positives/`, `negatives/`, `background/` under `root` (any may be
 * missing, though not all), each searched recursively for audio files, and `manifest.json`
 * describing files by their path relative to `root`. Recorded positives are weighted (see
 * assignTrainingWeights). Unreadable files are listed in `errors`, never skipped silently.
 */
export async function loadFolderDataset(
  root: string,
  options: LoadFolderDatasetOptions = {},
): Promise<Dataset> {
  const absoluteRoot = resolve(root);
  if (!(await isDirectory(absoluteRoot))) {
    throw new DatasetError(`${absoluteRoot}: not a folder`);
  }
  const manifest = await readManifest(absoluteRoot);
  const folders: [string, ClipKind][] = [
    ["positives", "positive"],
    ["negatives", "negative"],
    ["background", "background"],
  ];
  const present = await Promise.all(folders.map(([name]) => isDirectory(join(absoluteRoot, name))));
  if (!present.some(Boolean)) {
    throw new DatasetError(
      `${absoluteRoot}: has none of the folders positives/, negatives/, background/`,
    );
  }
  const clips: Record<ClipKind, DatasetClip[]> = { positive: [], negative: [], background: [] };
  const errors: DatasetFileError[] = [];
  const seen = new Set<string>();
  const defaultSource = options.defaultSource ?? "recorded";
  for (const [i, [folder, folderKind]] of folders.entries()) {
    if (!present[i]) continue;
    for (const file of await listAudioFiles(join(absoluteRoot, folder))) {
      const id = toPosix(relative(absoluteRoot, file));
      seen.add(id);
      const entry = manifest.get(id);
      const kind = (entry && normaliseKind(entry.kind)) ?? folderKind;
      const samples = await readClipSamples(file, options);
      if (samples instanceof DatasetFileError) {
        errors.push(samples);
        continue;
      }
      const source = entry?.source ?? defaultSource;
      const parts = id.split("/");
      const subFolder = parts.length > 2 ? parts[1] : undefined;
      const speakerId =
        entry?.speakerId ??
        (entry?.engine && entry.voiceId ? `${entry.engine}:${entry.voiceId}` : undefined) ??
        (source === "recorded"
          ? (options.recordedSpeaker ?? `user:${subFolder ?? basename(absoluteRoot)}`)
          : `file:${id}`);
      clips[kind].push(
        defined({
          id,
          file,
          kind,
          source,
          speakerId,
          engine: entry?.engine,
          voiceId: entry?.voiceId,
          text: entry?.text,
          category: entry?.category ?? (kind === "background" ? "background" : undefined),
          weight: 1,
          samples,
        }),
      );
    }
  }
  for (const id of manifest.keys()) {
    if (!seen.has(id) && isAudioFile(id)) {
      errors.push(
        new DatasetFileError(join(absoluteRoot, id), "listed in manifest.json but missing"),
      );
    }
  }
  return {
    root: absoluteRoot,
    layout: "folders",
    positives: assignTrainingWeights(clips.positive, options),
    negatives: clips.negative,
    background: clips.background,
    errors,
  };
}

export interface LoadSpeechCommandsOptions {
  /** Labels (folder names) whose clips are positives, e.g. ["marvin"]. */
  readonly positiveLabels: readonly string[];
  /** Labels used as negatives; default every other label. */
  readonly negativeLabels?: readonly string[];
  /** At most this many files per label (the first ones in name order). Default: all. */
  readonly maxPerLabel?: number;
}

/** Speech Commands speaker id of a file: the name before `_nohash_` (`sc:<prefix>`). */
export function speechCommandsSpeaker(fileName: string): string {
  const name = basename(fileName);
  const at = name.indexOf("_nohash_");
  return `sc:${at >= 0 ? name.slice(0, at) : name.replace(/\.[^.]*$/, "")}`;
}

/**
 * A data set in the Speech Commands layout: `<label>/*.wav` (speaker = the file-name prefix
 * before `_nohash_`) and `_background_noise_/` as background. All clips count as recorded.
 */
export async function loadSpeechCommandsDataset(
  root: string,
  options: LoadSpeechCommandsOptions,
): Promise<Dataset> {
  const absoluteRoot = resolve(root);
  if (!(await isDirectory(absoluteRoot))) throw new DatasetError(`${absoluteRoot}: not a folder`);
  const entries = await readdir(absoluteRoot, { withFileTypes: true });
  const labels = entries
    .filter((e) => e.isDirectory() && !e.name.startsWith("."))
    .map((e) => e.name)
    .sort();
  const missing = options.positiveLabels.filter((label) => !labels.includes(label));
  if (missing.length > 0) {
    throw new DatasetError(
      `${absoluteRoot}: no folder for label(s) ${missing.join(", ")} (found: ${labels.join(", ")})`,
    );
  }
  const positives: DatasetClip[] = [];
  const negatives: DatasetClip[] = [];
  const background: DatasetClip[] = [];
  const errors: DatasetFileError[] = [];
  for (const label of labels) {
    const isBackground = label === "_background_noise_";
    const isPositive = options.positiveLabels.includes(label);
    const isNegative =
      !isBackground &&
      !isPositive &&
      (options.negativeLabels === undefined || options.negativeLabels.includes(label));
    if (!isBackground && !isPositive && !isNegative) continue;
    let files = await listAudioFiles(join(absoluteRoot, label));
    if (options.maxPerLabel !== undefined && !isBackground) {
      files = files.slice(0, options.maxPerLabel);
    }
    for (const file of files) {
      const samples = await readClipSamples(file);
      if (samples instanceof DatasetFileError) {
        errors.push(samples);
        continue;
      }
      const kind: ClipKind = isBackground ? "background" : isPositive ? "positive" : "negative";
      const clip: DatasetClip = {
        id: toPosix(relative(absoluteRoot, file)),
        file,
        kind,
        source: "recorded",
        speakerId: isBackground ? `noise:${basename(file)}` : speechCommandsSpeaker(file),
        text: isBackground ? undefined : label,
        category: isBackground ? "noise" : label,
        weight: 1,
        samples,
      };
      (kind === "background" ? background : kind === "positive" ? positives : negatives).push(
        defined(clip),
      );
    }
  }
  return {
    root: absoluteRoot,
    layout: "speech-commands",
    positives,
    negatives,
    background,
    errors,
  };
}
