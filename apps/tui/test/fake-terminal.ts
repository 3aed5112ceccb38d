import { EventEmitter } from "node:events";

/**
 * Streams for Ink's own `render`, for tests that need what ink-testing-library does not return
 * (the instance's `waitUntilExit`, a terminal that can be resized). stdin claims to be a TTY so
 * Ink enables raw-mode input.
 */
export function createFakeTerminal(columns = 100, rows = 30) {
  let output = "";
  let last = "";
  const pending: string[] = [];

  const stdout = Object.assign(new EventEmitter(), {
    columns,
    rows,
    write(chunk: string) {
      output += chunk;
      if (chunk !== "") last = chunk;
      return true;
    },
  });
  const stdin = Object.assign(new EventEmitter(), {
    isTTY: true,
    setRawMode: () => stdin,
    setEncoding: () => stdin,
    ref: () => stdin,
    unref: () => stdin,
    resume: () => stdin,
    pause: () => stdin,
    read: () => pending.shift() ?? null,
  });

  return {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    /** Everything written so far. */
    output: () => output,
    /** The last write: in Ink's debug mode, the last frame whole. */
    lastFrame: () => last,
    press(keys: string) {
      pending.push(keys);
      stdin.emit("readable");
    },
    /** Changes the size and tells Ink, as a terminal window being resized does. */
    resize(newColumns: number, newRows: number) {
      stdout.columns = newColumns;
      stdout.rows = newRows;
      stdout.emit("resize");
    },
  };
}
