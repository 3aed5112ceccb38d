// Writes that are never seen half-done: files go to a temporary name beside the target and are
// renamed into place (rename is atomic within one file system).
import { randomBytes } from "node:crypto";
import { mkdir, open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

function siblingName(path: string, tag: string): string {
  return join(
    dirname(path),
    `.${basename(path)}.${tag}-${process.pid}-${randomBytes(4).toString("hex")}`,
  );
}

/** Writes `data` to `path` atomically, flushed to disk before it becomes visible. */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = siblingName(path, "partial");
  const handle = await open(temporary, "w");
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Fills a new directory through `fill(temporaryDir)` and then puts it at `path` in place of
 * whatever was there. A crash leaves either the old directory or the new one at `path` (plus a
 * hidden leftover beside it), never a mixture.
 */
export async function writeDirectoryAtomic(
  path: string,
  fill: (temporaryDir: string) => Promise<void>,
): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = siblingName(path, "partial");
  await mkdir(temporary);
  try {
    await fill(temporary);
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
  const previous = siblingName(path, "previous");
  let moved = false;
  try {
    await rename(path, previous);
    moved = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  await rename(temporary, path);
  if (moved) await rm(previous, { recursive: true, force: true });
}
