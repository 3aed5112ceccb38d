/** Where the line output goes: the process's streams, or buffers in tests. */
export interface PlainIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

export const EXIT = { ok: 0, failure: 1, usage: 2, interrupted: 130 } as const;

export function writeLines(stream: PlainIo["stdout"], lines: readonly string[]): void {
  if (lines.length > 0) stream.write(`${lines.join("\n")}\n`);
}
