// What a data directory holds, for the Overview screen: the models in it (any folder with a
// wakeforge.json: `models/<name>` from the terminal UI and job specs, `projects/<id>/models/<id>`
// from the dashboard) and the per-phrase work folders that training keeps between runs
// (`work/<phrase>`: synthetic clips, generated background and negative audio, embedding cache).
import { readFile, readdir, stat } from "node:fs/promises";
import { join, relative } from "node:path";
import { readWavFileInfo } from "@wakeforge/audio/node";
import { MODEL_MANIFEST_FILE } from "@wakeforge/core";
import { asArray, asObject, asString } from "./json-fields.js";
import { ModelRecordError, readModelRecord, type ModelRecord } from "./model-record.js";

export interface WorkFolder {
  readonly dir: string;
  /** The folder name: the phrase as a slug. */
  readonly slug: string;
  /** The phrase, from the synthetic data set's manifest when there is one. */
  readonly phrase: string | undefined;
  readonly synthetic:
    { readonly positives: number; readonly negatives: number; readonly voices: number } | undefined;
  /** Minutes of generated training background. */
  readonly backgroundMinutes: number;
  /** Minutes of generated negative audio (the threshold is calibrated on it). */
  readonly negativeMinutes: number;
  readonly embeddingCache: boolean;
}

export interface DataDirSummary {
  readonly dataDir: string;
  readonly exists: boolean;
  readonly models: readonly ModelRecord[];
  /** Folders that looked like models but could not be read, with why. */
  readonly unreadable: readonly { readonly dir: string; readonly reason: string }[];
  readonly work: readonly WorkFolder[];
}

/** Folders never searched for models: caches, logs, temporary and hidden ones. */
const SKIPPED = new Set(["work", "jobs", "node_modules", "samples", "audio"]);
const MAX_DEPTH = 4;

async function subfolders(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter((e) => e.isDirectory() && !e.name.startsWith("."))
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function findModelDirs(dir: string, depth: number): Promise<string[]> {
  if (await exists(join(dir, MODEL_MANIFEST_FILE))) return [dir];
  if (depth >= MAX_DEPTH) return [];
  const found: string[] = [];
  for (const name of await subfolders(dir)) {
    if (depth === 0 && SKIPPED.has(name)) continue;
    found.push(...(await findModelDirs(join(dir, name), depth + 1)));
  }
  return found;
}

/** Total minutes of the WAV files under `dir` (recursively); unreadable files count nothing. */
async function wavMinutes(dir: string): Promise<number> {
  let seconds = 0;
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) seconds += 60 * (await wavMinutes(path));
    else if (entry.name.toLowerCase().endsWith(".wav")) {
      seconds += await readWavFileInfo(path).then(
        (info) => info.durationSeconds,
        () => 0,
      );
    }
  }
  return seconds / 60;
}

async function syntheticSummary(
  dir: string,
): Promise<{ phrase: string | undefined; synthetic: WorkFolder["synthetic"] }> {
  try {
    const manifest = asObject(JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")));
    const clips = asArray(manifest?.["clips"]).map((c) => asObject(c) ?? {});
    const count = (kind: string) => clips.filter((c) => c["kind"] === kind).length;
    const voices = new Set(clips.map((c) => asString(c["speakerId"])).filter(Boolean)).size;
    return {
      phrase: asString(manifest?.["phrase"]),
      synthetic: { positives: count("positive"), negatives: count("negative"), voices },
    };
  } catch {
    return { phrase: undefined, synthetic: undefined };
  }
}

async function readWorkFolder(dir: string, slug: string): Promise<WorkFolder> {
  const { phrase, synthetic } = await syntheticSummary(join(dir, "synthetic"));
  return {
    dir,
    slug,
    phrase,
    synthetic,
    backgroundMinutes: await wavMinutes(join(dir, "training-background")),
    negativeMinutes: await wavMinutes(join(dir, "negative-audio")),
    embeddingCache: await exists(join(dir, "embedding-cache")),
  };
}

/**
 * Reads the data directory, and `extraModels` (directories named on the command line) as well.
 * Models come newest first.
 */
export async function readDataDir(
  dataDir: string,
  extraModels: readonly string[] = [],
): Promise<DataDirSummary> {
  const present = await exists(dataDir);
  const dirs = [...new Set([...extraModels, ...(present ? await findModelDirs(dataDir, 0) : [])])];
  const models: ModelRecord[] = [];
  const unreadable: { dir: string; reason: string }[] = [];
  for (const dir of dirs) {
    const name = dir.startsWith(dataDir) ? relative(dataDir, dir) || dir : dir;
    try {
      models.push(await readModelRecord(dir, name));
    } catch (error) {
      if (!(error instanceof ModelRecordError)) throw error;
      unreadable.push({ dir, reason: error.message });
    }
  }
  models.sort((a, b) => b.manifest.createdAt.localeCompare(a.manifest.createdAt));
  const workRoot = join(dataDir, "work");
  const work: WorkFolder[] = [];
  for (const slug of await subfolders(workRoot))
    work.push(await readWorkFolder(join(workRoot, slug), slug));
  return { dataDir, exists: present, models, unreadable, work };
}
