// `--positives DIR` and friends name folders of one kind of audio; the core loader reads a data
// set root with positives/, negatives/ and background/ inside. A throw-away root whose one
// sub-folder links to the user's folder lets the loader do the reading (and its error reporting).
import { mkdtemp, rm, stat, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { DatasetError, loadFolderDataset, type Dataset } from "@wakeforge/core";

const SUBFOLDER = {
  positive: "positives",
  negative: "negatives",
  background: "background",
} as const;

export async function loadKindFolder(dir: string, kind: keyof typeof SUBFOLDER): Promise<Dataset> {
  const absolute = resolve(dir);
  const info = await stat(absolute).catch(() => undefined);
  if (!info?.isDirectory()) throw new DatasetError(`${absolute}: not a folder`);
  // A folder that is already a data set root (it has positives/ etc.) is read as it is.
  for (const sub of Object.values(SUBFOLDER)) {
    if ((await stat(join(absolute, sub)).catch(() => undefined))?.isDirectory()) {
      return loadFolderDataset(absolute, { recordedSpeaker: `user:${basename(absolute)}` });
    }
  }
  const root = await mkdtemp(join(tmpdir(), "wakeforge-folder-"));
  try {
    await symlink(absolute, join(root, SUBFOLDER[kind]), "dir");
    return await loadFolderDataset(root, { recordedSpeaker: `user:${basename(absolute)}` });
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
