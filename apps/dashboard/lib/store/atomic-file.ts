import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

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
