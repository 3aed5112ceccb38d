// The runtime import graph of a TypeScript entry, for entries that must run in browsers: every
// source file reachable from it (through relative imports and the source of workspace
// packages), and every import on the way that a browser cannot satisfy (a Node built-in, or a
// package not known to run in browsers), each with the chain of files that leads to it.
// Type-only imports are left out: the compiler erases them. Used by lint (to hold reachable
// files to the browser's rules) and by tests (to fail with the chain).
import { existsSync, readFileSync, realpathSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, relative, sep } from "node:path";
import tseslint from "typescript-eslint";

const BUILTINS = new Set(builtinModules.filter((name) => !name.startsWith("_")));

/** Whether `specifier` names a Node built-in (`node:fs`, `fs`, `fs/promises`). */
export function isNodeBuiltin(specifier) {
  if (specifier.startsWith("node:")) return true;
  return BUILTINS.has(specifier) || BUILTINS.has(specifier.split("/")[0]);
}

/** The package a bare specifier names: `@scope/name` or `name`. */
function packageNameOf(specifier) {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/** Runtime module specifiers of a file: static and dynamic imports, re-exports, import = require. */
export function runtimeImports(code, filePath) {
  const { ast } = tseslint.parser.parseForESLint(code, {
    sourceType: "module",
    ecmaVersion: "latest",
    jsx: filePath.endsWith("x"),
    filePath,
  });
  const found = [];
  const visit = (node) => {
    if (!node || typeof node.type !== "string") return;
    switch (node.type) {
      case "ImportDeclaration":
        if (node.importKind !== "type") found.push(node.source.value);
        return;
      case "ExportAllDeclaration":
      case "ExportNamedDeclaration":
        if (node.source && node.exportKind !== "type") found.push(node.source.value);
        break;
      case "TSImportEqualsDeclaration":
        if (node.importKind !== "type" && node.moduleReference.type === "TSExternalModuleReference")
          found.push(node.moduleReference.expression.value);
        return;
      case "ImportExpression":
        if (node.source.type === "Literal" && typeof node.source.value === "string")
          found.push(node.source.value);
        break;
      // Types never reach the output (including `import("x").T` in type positions).
      case "TSTypeAliasDeclaration":
      case "TSInterfaceDeclaration":
      case "TSTypeAnnotation":
      case "TSImportType":
        return;
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === "parent" || key === "loc" || key === "range" || key === "tokens") continue;
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === "object") visit(value);
    }
  };
  visit(ast);
  return found;
}

const SOURCE_EXTENSIONS = [".ts", ".tsx", ".mts", ".js", ".mjs"];

/** The source file a relative specifier names (`./x.js` is `./x.ts` in TypeScript sources). */
function resolveRelative(fromFile, specifier) {
  const base = join(dirname(fromFile), specifier);
  const stem = base.replace(/\.(m?js|jsx)$/, "");
  const candidates = [
    ...SOURCE_EXTENSIONS.map((ext) => stem + ext),
    base,
    ...SOURCE_EXTENSIONS.map((ext) => join(base, `index${ext}`)),
  ];
  return candidates.find((path) => existsSync(path) && !path.endsWith(sep));
}

/** The installed package's folder as seen from `fromFile` (node_modules lookup), or undefined. */
function packageDir(fromFile, name) {
  for (let dir = dirname(fromFile); ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return realpathSync(candidate);
    if (dirname(dir) === dir) return undefined;
  }
}

/** The target of `subpath` in an exports map (or a main field), preferring browser conditions. */
function exportTarget(exports, subpath) {
  const bySubpath =
    exports !== null &&
    typeof exports === "object" &&
    !Array.isArray(exports) &&
    Object.keys(exports).some((key) => key.startsWith("."));
  const pick = (value) => {
    if (typeof value === "string") return value;
    if (Array.isArray(value)) return value.map(pick).find(Boolean);
    if (value && typeof value === "object") {
      for (const condition of ["browser", "import", "default"]) {
        if (condition in value) return pick(value[condition]);
      }
    }
    return undefined;
  };
  if (bySubpath) return pick(exports[subpath]);
  return subpath === "." ? pick(exports) : undefined;
}

/**
 * A workspace package's source file for `specifier`: its exports target (built output such as
 * `./dist/x.js`) mapped back to `src/x.ts`, the layout every wakeforge package compiles from.
 */
function workspaceSource(dir, specifier, name) {
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const subpath = specifier === name ? "." : `.${specifier.slice(name.length)}`;
  const target = exportTarget(manifest.exports ?? manifest.module ?? manifest.main, subpath);
  if (!target) return { problem: `${name} exports no "${subpath}"` };
  const source = join(dir, target.replace(/^\.\/dist\//, "src/").replace(/\.js$/, ".ts"));
  if (!existsSync(source)) return { problem: `${specifier}: ${target} has no source at ${source}` };
  return { source };
}

/**
 * Walks the runtime imports from `entries` (absolute paths). Source files inside the
 * repository, including workspace packages' sources, are followed; installed packages are
 * leaves, accepted when named in `allowedPackages` (name → why it runs in browsers).
 * Returns the reachable source files and the problems, each with its chain from an entry.
 */
export function browserImportGraph(entries, { allowedPackages = {} } = {}) {
  const parent = new Map(entries.map((entry) => [entry, undefined]));
  const queue = [...entries];
  const problems = [];
  const packages = new Map();
  const chainTo = (file) => {
    const chain = [];
    for (let at = file; at !== undefined; at = parent.get(at)) chain.unshift(at);
    return chain;
  };
  const reach = (file, from) => {
    if (parent.has(file)) return;
    parent.set(file, from);
    queue.push(file);
  };
  while (queue.length > 0) {
    const file = queue.shift();
    const problem = (specifier, reason) =>
      problems.push({ chain: chainTo(file), specifier, reason });
    for (const specifier of runtimeImports(readFileSync(file, "utf8"), file)) {
      if (specifier.startsWith(".") || specifier.startsWith("/")) {
        const target = resolveRelative(file, specifier);
        if (target) reach(target, file);
        else problem(specifier, "cannot be resolved");
        continue;
      }
      if (isNodeBuiltin(specifier)) {
        problem(specifier, "is a Node built-in");
        continue;
      }
      const name = packageNameOf(specifier);
      const dir = packageDir(file, name);
      if (!dir) {
        problem(specifier, "is not installed");
        continue;
      }
      if (!dir.split(sep).includes("node_modules")) {
        const { source, problem: why } = workspaceSource(dir, specifier, name);
        if (source) reach(source, file);
        else problem(specifier, why);
        continue;
      }
      if (!(name in allowedPackages)) {
        problem(specifier, "is not known to run in browsers (allow it once checked)");
        continue;
      }
      if (!packages.has(name)) packages.set(name, chainTo(file));
    }
  }
  return { files: [...parent.keys()], packages, problems };
}

/** One line per problem: the chain of files (relative to `root`) and the import that fails. */
export function formatImportProblems(problems, root) {
  return problems.map(
    ({ chain, specifier, reason }) =>
      `${chain.map((file) => relative(root, file)).join(" → ")} → "${specifier}" ${reason}`,
  );
}
