// Test support: a CommandIo that records what a command writes.
import type { CommandIo } from "./io.js";

export type CapturedIo = CommandIo & { out: () => string; err: () => string };

export function captureIo(env: NodeJS.ProcessEnv = process.env): CapturedIo {
  let out = "";
  let err = "";
  return {
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text) },
    env,
    out: () => out,
    err: () => err,
  };
}
