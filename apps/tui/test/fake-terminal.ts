import { EventEmitter } from "node:events";

/**
 * Streams for Ink's own `render`, for tests that need what ink-testing-library does not return
 * (the instance's `waitUntilExit`). stdin claims to be a TTY so Ink enables raw-mode input.
 */
export function createFakeTerminal(columns = 100) {
  let output = "";
  const pending: string[] = [];

  const stdout = Object.assign(new EventEmitter(), {
    columns,
    rows: 30,
    write(chunk: string) {
      output += chunk;
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
    press(keys: string) {
      pending.push(keys);
      stdin.emit("readable");
    },
  };
}
