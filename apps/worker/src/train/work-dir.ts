import { join } from "node:path";

/** A file-system-safe name for a phrase: "Hey Nova!" → "hey-nova". */
export function phraseSlug(phrase: string): string {
  return (
    phrase
      .normalize("NFKD")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "wake-word"
  );
}

/**
 * Where a phrase's synthetic data and embedding cache live between runs, so a second training
 * run of the same phrase reuses them (generated negative audio too: it leaves out the phrase's words).
 */
export function workDirFor(phrase: string, dataDir: string): string {
  return join(dataDir, "work", phraseSlug(phrase));
}
