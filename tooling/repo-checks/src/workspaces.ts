// Reads the repository's workspaces from disk so the checks follow the repo as it grows.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../../..", import.meta.url));

export interface Workspace {
  readonly dir: string;
  readonly group: "packages" | "apps" | "tooling";
  readonly name: string;
  readonly manifest: Record<string, unknown> & {
    name: string;
    private?: boolean;
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
    optionalDependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
    scripts?: Record<string, string>;
    exports?: Record<string, unknown>;
  };
}

export function listWorkspaces(root: string = REPO_ROOT): Workspace[] {
  const workspaces: Workspace[] = [];
  for (const group of ["packages", "apps", "tooling"] as const) {
    const groupDir = join(root, group);
    if (!existsSync(groupDir)) continue;
    for (const entry of readdirSync(groupDir)) {
      const manifestPath = join(groupDir, entry, "package.json");
      if (!existsSync(manifestPath)) continue;
      const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Workspace["manifest"];
      workspaces.push({ dir: join(groupDir, entry), group, name: manifest.name, manifest });
    }
  }
  return workspaces;
}

export function allDependencyNames(workspace: Workspace): string[] {
  const m = workspace.manifest;
  return [
    ...Object.keys(m.dependencies ?? {}),
    ...Object.keys(m.devDependencies ?? {}),
    ...Object.keys(m.optionalDependencies ?? {}),
    ...Object.keys(m.peerDependencies ?? {}),
  ];
}

const SOURCE_FILE = /\.(?:[cm]?[jt]sx?)$/;
const SKIPPED_DIRS = new Set(["node_modules", "dist", ".next", ".turbo", "coverage"]);

/** Source files of a workspace (not build output or dependencies). */
export function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir)) {
    if (SKIPPED_DIRS.has(entry)) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) files.push(...sourceFiles(path));
    else if (SOURCE_FILE.test(entry)) files.push(path);
  }
  return files;
}

/** Module specifiers a source file imports (static, dynamic, re-exports, require). */
export function importedSpecifiers(source: string): string[] {
  const pattern = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)["']([^"']+)["']/g;
  return [...source.matchAll(pattern)].map((match) => match[1] ?? "");
}

export function relativeToRoot(path: string): string {
  return relative(REPO_ROOT, path);
}
