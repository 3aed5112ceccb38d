#!/usr/bin/env node
// Prints one of the README's set-up commands (the fenced block after `<!-- setup:NAME -->`), so
// .ci/run and the tests run exactly what the README tells people to run.
import { readFileSync } from "node:fs";

export function readmeCommand(readme, name) {
  const marker = `<!-- setup:${name} -->`;
  const at = readme.indexOf(marker);
  if (at < 0) throw new Error(`README.md has no ${marker} marker`);
  const block = /```(?:bash|sh)?\n([\s\S]*?)\n```/.exec(readme.slice(at + marker.length));
  if (!block) throw new Error(`README.md: no fenced command block after ${marker}`);
  return block[1].trim();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const name = process.argv[2];
  if (!name) {
    console.error("usage: readme-command.mjs main|test");
    process.exit(2);
  }
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  console.log(readmeCommand(readme, name));
}
