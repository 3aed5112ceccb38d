#!/usr/bin/env node
// The `wakeforge-tui` entry: everything it does lives in runCli, so this file only starts it.
import { runCli } from "./run-cli.js";

process.exitCode = await runCli(process.argv.slice(2), process);
