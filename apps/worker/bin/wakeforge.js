#!/usr/bin/env node
// The installed `wakeforge` command: runs the compiled CLI and exits with its code.
// Flite runs through node:wasi, which Node 20 flags once per process as experimental; that
// notice says nothing to someone training a wake word, so only it is filtered out.
const emitWarning = process.emitWarning.bind(process);
process.emitWarning = (warning, ...rest) => {
  const text = typeof warning === "string" ? warning : warning?.message;
  if (typeof text === "string" && text.startsWith("WASI is an experimental feature")) return;
  emitWarning(warning, ...rest);
};

const { runCli } = await import("../dist/cli.js");

const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
process.exitCode = code;
