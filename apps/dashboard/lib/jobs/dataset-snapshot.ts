// The project's samples as a data set folder a train job reads: `positives/`, `negatives/`,
// `background/` with one WAV per sample, and `manifest.json` saying who speaks in each clip and
// whether it is synthetic, so the worker holds out whole voices exactly as the in-browser
// training does (speakerIdOf). A snapshot, because the project may change while the job waits in
// the queue; written under a temporary name and renamed into place, so a worker never reads half.
import { randomBytes } from "node:crypto";
import { copyFile, link, mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { PARTIAL_SUFFIX } from "../store/atomic-file";
import type { Store } from "../store";
import type { Sample, SampleLabel } from "../store/types";
import { speakerIdOf } from "../training/training-data";

export const DATASET_FOLDERS: Readonly<Record<SampleLabel, string>> = {
  positive: "positives",
  negative: "negatives",
  background: "background",
};

/** One entry of the snapshot's manifest.json, in the form core's loadFolderDataset reads. */
export interface SnapshotManifestEntry {
  readonly file: string;
  readonly kind: SampleLabel;
  readonly source: "synthetic" | "recorded";
  readonly speakerId: string;
  readonly engine?: string;
  readonly voiceId?: string;
  readonly text?: string;
}

export interface DatasetSnapshot {
  readonly dir: string;
  readonly counts: Readonly<Record<SampleLabel, number>>;
  /** Different voices among the positives. */
  readonly positiveVoices: number;
}

export function manifestEntry(sample: Sample): SnapshotManifestEntry {
  return {
    file: `${DATASET_FOLDERS[sample.label]}/${sample.id}.wav`,
    kind: sample.label,
    source: sample.source === "synthesized" ? "synthetic" : "recorded",
    speakerId: speakerIdOf(sample),
    ...(sample.engine ? { engine: sample.engine } : {}),
    ...(sample.voice ? { voiceId: sample.voice } : {}),
    ...(sample.text ? { text: sample.text } : {}),
  };
}

/**
 * A sample's file in the snapshot: a hard link (stored samples are never rewritten, only
 * deleted, so the link keeps the bytes the job was queued with), or a copy where links fail.
 */
async function placeFile(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch {
    await copyFile(from, to);
  }
}

/**
 * Writes the project's samples to `dir`, which must not exist yet. (The paths are the data
 * directory's, known only at run time: the bundler is told not to trace them.)
 */
export async function writeDatasetSnapshot(
  store: Store,
  projectId: string,
  dir: string,
): Promise<DatasetSnapshot> {
  const samples = store.listSamples(projectId);
  await mkdir(dirname(dir), { recursive: true });
  const temporary = `${dir}.${randomBytes(4).toString("hex")}${PARTIAL_SUFFIX}`;
  try {
    for (const folder of Object.values(DATASET_FOLDERS)) {
      await mkdir(join(/* turbopackIgnore: true */ temporary, folder), { recursive: true });
    }
    const entries = samples.map(manifestEntry);
    for (const [i, sample] of samples.entries()) {
      const entry = entries[i] as SnapshotManifestEntry;
      await placeFile(
        store.sampleFile(projectId, sample.id),
        join(/* turbopackIgnore: true */ temporary, entry.file),
      );
    }
    await writeFile(
      join(/* turbopackIgnore: true */ temporary, "manifest.json"),
      `${JSON.stringify({ entries }, null, 1)}\n`,
      {
        flag: "wx",
      },
    );
    await rename(temporary, dir);
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
  const count = (label: SampleLabel) => samples.filter((s) => s.label === label).length;
  return {
    dir,
    counts: {
      positive: count("positive"),
      negative: count("negative"),
      background: count("background"),
    },
    positiveVoices: new Set(samples.filter((s) => s.label === "positive").map(speakerIdOf)).size,
  };
}
