// A program to start: an executable, or a JavaScript file run with the Node that runs us.
import { extname } from "node:path";

export interface CommandLine {
  readonly command: string;
  readonly args: readonly string[];
  /** Where it was found, for messages: "WAKEFORGE_CLI", "PATH", "this checkout". */
  readonly from: string;
}

/** A script (.js, .mjs, .cjs) runs with this Node; anything else is executed as it is. */
export function commandFor(path: string, from: string): CommandLine {
  const isScript = [".js", ".mjs", ".cjs"].includes(extname(path));
  return isScript
    ? { command: process.execPath, args: [path], from }
    : { command: path, args: [], from };
}
