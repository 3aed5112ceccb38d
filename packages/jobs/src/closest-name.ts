const MAX_EDITS = 2;

/** How many single-character insertions, deletions or substitutions turn `a` into `b`. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** Ignores case, `-` and `_`, so `compare_scratch` and `CompareScratch` find `compareScratch`. */
function normalize(name: string): string {
  return name.toLowerCase().replace(/[-_]/g, "");
}

/** The known name a typo most likely meant, or undefined when none is close. */
export function closestName(name: string, known: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(normalize(name), normalize(candidate));
    if (distance <= MAX_EDITS && (!best || distance < best.distance)) {
      best = { name: candidate, distance };
    }
  }
  return best?.name;
}
