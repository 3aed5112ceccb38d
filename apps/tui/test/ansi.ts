// Tests force colour on (vitest.config.ts) so they can see what the code colours; these helpers
// read frames with and without the escape codes.

// eslint-disable-next-line no-control-regex
const SGR_SEQUENCE = /\u001B\[[0-9;]*m/g;

/** The frame as a person reads it. */
export function stripAnsi(text: string): string {
  return text.replace(SGR_SEQUENCE, "");
}

/** Whether `text` sets a foreground or background colour (SGR 30–37, 38, 40–47, 48, 90–107). */
export function hasColorCodes(text: string): boolean {
  for (const match of text.matchAll(SGR_SEQUENCE)) {
    const params = match[0].slice(2, -1).split(";").map(Number);
    if (params.some((p) => (p >= 30 && p <= 38) || (p >= 40 && p <= 48) || (p >= 90 && p <= 107))) {
      return true;
    }
  }
  return false;
}

/** SGR 2 (faint) precedes `text` with no reset (SGR 22) in between. */
export function isDimmed(frame: string, text: string): boolean {
  const at = frame.indexOf(text);
  if (at < 0) return false;
  const before = frame.slice(0, at);
  return before.lastIndexOf("\u001B[2m") > before.lastIndexOf("\u001B[22m");
}
