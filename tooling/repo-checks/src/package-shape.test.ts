import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, listWorkspaces } from "./workspaces.js";

const workspaces = listWorkspaces();
const publishable = workspaces.filter((w) => w.group === "packages");
const STANDARD_SCRIPTS = ["build", "dev", "typecheck", "lint", "test", "clean"];

describe("package shape", () => {
  it.each(publishable.map((w) => [w.name, w] as const))(
    "%s exposes its API through exports and src/index.ts",
    (_name, workspace) => {
      const exports = workspace.manifest.exports as Record<string, Record<string, string>>;
      const root = exports["."];
      expect(root, "exports['.']").toBeDefined();
      expect(Object.keys(root ?? {})[0], "types must come first").toBe("types");
      expect(existsSync(join(workspace.dir, "src/index.ts"))).toBe(true);
      expect(workspace.manifest.private).not.toBe(true);
      expect(workspace.manifest.license).toBe("Apache-2.0");
    },
  );

  it.each(workspaces.filter((w) => w.group !== "tooling").map((w) => [w.name, w] as const))(
    "%s has the standard scripts",
    (_name, workspace) => {
      expect(Object.keys(workspace.manifest.scripts ?? {})).toEqual(
        expect.arrayContaining(STANDARD_SCRIPTS),
      );
    },
  );

  it("apps are private, so changesets only versions the publishable packages", () => {
    const apps = workspaces.filter((w) => w.group === "apps");
    expect(apps.length).toBeGreaterThan(0);
    for (const app of apps) expect(app.manifest.private, app.name).toBe(true);
    const config = JSON.parse(readFileSync(join(REPO_ROOT, ".changeset/config.json"), "utf8"));
    expect(config.privatePackages).toEqual({ version: false, tag: false });
  });

  it("every dependency version of the shared libraries comes from the catalog", () => {
    const pinnedElsewhere = workspaces.flatMap((w) =>
      Object.entries({
        ...w.manifest.dependencies,
        ...w.manifest.devDependencies,
        ...w.manifest.optionalDependencies,
      })
        .filter(
          ([, version]) => !version.startsWith("catalog:") && !version.startsWith("workspace:"),
        )
        .map(([name, version]) => `${w.name}: ${name}@${version}`),
    );
    expect(pinnedElsewhere).toEqual([]);
  });
});
