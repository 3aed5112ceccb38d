import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import {
  REPO_ROOT,
  allDependencyNames,
  importedSpecifiers,
  listWorkspaces,
  relativeToRoot,
  sourceFiles,
} from "./workspaces.js";

const workspaces = listWorkspaces();
const appNames = new Set(workspaces.filter((w) => w.group === "apps").map((w) => w.name));

/** Every way `workspace` reaches an app it must not: manifest entries and import statements. */
function forbiddenAppReferences(workspace: (typeof workspaces)[number]): string[] {
  const allowed = (name: string) => name === workspace.name || !appNames.has(name);
  const problems = allDependencyNames(workspace)
    .filter((name) => !allowed(name))
    .map((name) => `${workspace.name} package.json depends on ${name}`);
  for (const file of sourceFiles(workspace.dir)) {
    for (const specifier of importedSpecifiers(readFileSync(file, "utf8"))) {
      const target = specifier.split("/").slice(0, 2).join("/");
      const reachesAppFolder = /(^|\/)apps\//.test(specifier) && specifier.startsWith(".");
      if (!allowed(target) || reachesAppFolder) {
        problems.push(`${relativeToRoot(file)} imports ${specifier}`);
      }
    }
  }
  return problems;
}

describe("workspace boundaries", () => {
  it("finds the workspaces of the design table", () => {
    expect(workspaces.map((w) => w.name)).toEqual(
      expect.arrayContaining([
        "@wakeforge/audio",
        "@wakeforge/core",
        "@wakeforge/synth",
        "@wakeforge/jobs",
        "@wakeforge/worker",
        "@wakeforge/dashboard",
        "@wakeforge/tui",
      ]),
    );
  });

  it("no package imports an app and no app imports another app", () => {
    // tooling/ is outside the rule (this very file names apps in its fixtures).
    const problems = workspaces
      .filter((w) => w.group !== "tooling")
      .flatMap(forbiddenAppReferences);
    expect(problems).toEqual([]);
  });

  it("the import scanner sees every import form, so the check above can fail", () => {
    const source = [
      'import { a } from "@wakeforge/worker";',
      "import type { B } from '@wakeforge/tui/components';",
      'export * from "@wakeforge/dashboard";',
      'const c = await import("@wakeforge/worker");',
      'import "../../apps/tui/src/cli.js";',
    ].join("\n");
    expect(importedSpecifiers(source)).toEqual([
      "@wakeforge/worker",
      "@wakeforge/tui/components",
      "@wakeforge/dashboard",
      "@wakeforge/worker",
      "../../apps/tui/src/cli.js",
    ]);
  });

  it("the lint rule rejects a package importing an app and an app importing another app", async () => {
    const lint = async (dir: string, code: string) => {
      const eslint = new ESLint({ cwd: join(REPO_ROOT, dir) });
      const [result] = await eslint.lintText(code, {
        filePath: join(REPO_ROOT, dir, "src/boundary-probe.ts"),
      });
      return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports");
    };
    const fromPackage = await lint(
      "packages/audio",
      'export { runCli } from "@wakeforge/worker";\n',
    );
    expect(fromPackage.map((m) => m.message).join()).toMatch(/packages never import apps/);

    const fromApp = await lint("apps/tui", 'export { runCli } from "@wakeforge/worker";\n');
    expect(fromApp.map((m) => m.message).join()).toMatch(/apps never import other apps/);

    const allowed = await lint("apps/tui", 'export { initBackend } from "@wakeforge/core";\n');
    expect(allowed).toEqual([]);
  });
});
