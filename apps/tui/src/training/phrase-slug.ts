/**
 * A file-system-safe name for a phrase: "Hey Nova!" → "hey-nova". The worker names a phrase's
 * work folder (`<data dir>/work/<slug>`) the same way.
 */
export function phraseSlug(phrase: string): string {
  return (
    phrase
      .normalize("NFKD")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "wake-word"
  );
}
