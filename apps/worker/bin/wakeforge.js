#!/usr/bin/env node
// The installed `wakeforge` command: runs the compiled CLI and exits with its code.
import { runCli } from "../dist/cli.js";

const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
process.exitCode = code;
