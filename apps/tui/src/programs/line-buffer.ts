// The last lines a child process wrote, kept to explain its failure.

export interface LineBuffer {
  /** A chunk of output as it arrives: lines may be split across chunks. */
  push(chunk: string): void;
  /** The kept lines, oldest first, joined with newlines. */
  text(): string;
}

export function lastLines(limit: number): LineBuffer {
  const lines: string[] = [];
  let partial = "";
  return {
    push(chunk) {
      const parts = (partial + chunk).split("\n");
      partial = parts.pop() ?? "";
      for (const line of parts) if (line.trim() !== "") lines.push(line.trimEnd());
      lines.splice(0, Math.max(0, lines.length - limit));
    },
    text() {
      const tail = partial.trim() === "" ? lines : [...lines, partial.trimEnd()];
      return tail.slice(-limit).join("\n");
    },
  };
}
