import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script without type declarations
import { readmeCommand } from "../../scripts/readme-command.mjs";
import { REPO_ROOT } from "./workspaces.js";

const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");
const rootManifest = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as {
  scripts: Record<string, string>;
};

describe("README set-up commands", () => {
  it.each(["main", "test"])(
    "the %s command installs with npx --yes pnpm and runs a root script",
    (name) => {
      const command: string = readmeCommand(readme, name);
      // --yes: without a terminal (CI, a pasted script) npx cancels instead of asking.
      const match = /^npx --yes pnpm@10 install && npx --yes pnpm@10 ([\w:-]+)$/.exec(command);
      expect(match, command).not.toBeNull();
      expect(rootManifest.scripts[match?.[1] ?? ""]).toBeDefined();
    },
  );

  it(".ci/run runs the README's test command rather than a copy of it", () => {
    const ci = readFileSync(join(REPO_ROOT, ".ci/run"), "utf8");
    expect(ci).toContain("readme-command.mjs test");
    expect(ci).not.toContain(readmeCommand(readme, "test"));
  });

  it("reports a missing marker instead of running nothing", () => {
    expect(() => readmeCommand("# no markers here", "test")).toThrow(/no <!-- setup:test -->/);
  });
});
