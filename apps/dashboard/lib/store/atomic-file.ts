import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";

/** Suffix of files being written; a reader never opens them and a crash leaves only these. */
export const PARTIAL_SUFFIX = ".partial";

/**
 * Writes through a temporary name in the same folder, then renames (atomic on one file system):
 * whoever opens `path` sees no file or the whole file, never half of one.
 */
export async function writeFileAtomic(path: string, data: Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${randomBytes(4).toString("hex")}${PARTIAL_SUFFIX}`;
  try {
    await writeFile(temporary, data, { flag: "wx" });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Writes `files` into a temporary folder beside `dir`, then renames it to `dir`: readers see no
 * folder or the whole folder. `dir` must not exist yet.
 */
export async function writeDirectoryAtomic(
  dir: string,
  files: Readonly<Record<string, Uint8Array>>,
): Promise<void> {
  await mkdir(dirname(dir), { recursive: true });
  const temporary = `${dir}.${randomBytes(4).toString("hex")}${PARTIAL_SUFFIX}`;
  try {
    await mkdir(temporary);
    for (const [name, data] of Object.entries(files)) {
      await writeFile(join(temporary, name), data, { flag: "wx" });
    }
    await rename(temporary, dir);
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
}
