#!/usr/bin/env node
// Runs the Next.js command line the same way on every OS, so package.json needs no shell syntax:
//   node scripts/next.mjs build | start | dev [next options…]
// - telemetry is off (NEXT_TELEMETRY_DISABLED=1): wakeforge machines are often offline;
// - `start` and `dev` listen on 127.0.0.1 unless HOST or --hostname says otherwise (Next's own
//   default is every interface); PORT is read and checked by Next itself (default 3000).
// The app's own settings are read and validated in lib/env.ts; this file only starts the process.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const nextBin = require.resolve("next/dist/bin/next");

const [command, ...rest] = process.argv.slice(2);
if (!command) {
  console.error("usage: node scripts/next.mjs <build|start|dev> [next options…]");
  process.exit(2);
}

const args = [nextBin, command, ...rest];
const listens = command === "start" || command === "dev";
const hostGiven = rest.some((a) => a === "-H" || a === "--hostname" || a.startsWith("--hostname="));
if (listens && !hostGiven) args.push("--hostname", process.env.HOST || "127.0.0.1");

const child = spawn(process.execPath, args, {
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
});

const forwarded = ["SIGINT", "SIGTERM", "SIGHUP"];
for (const signal of forwarded) {
  process.on(signal, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  });
}

child.on("error", (error) => {
  console.error(`could not start next: ${error.message}`);
  process.exit(1);
});
child.on("exit", (code, signal) => {
  if (signal) {
    for (const s of forwarded) process.removeAllListeners(s);
    process.kill(process.pid, signal);
    return;
  }
  process.exit(code ?? 1);
});
