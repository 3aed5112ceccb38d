/** An import on the graph that a browser cannot satisfy, with the files that lead to it. */
export interface ImportProblem {
  /** Absolute paths from the entry to the file that imports `specifier`. */
  readonly chain: readonly string[];
  readonly specifier: string;
  readonly reason: string;
}

export interface BrowserImportGraph {
  /** Reachable source files (absolute), entries first, including workspace packages' sources. */
  readonly files: readonly string[];
  /** Installed packages reached (all of them allowed), with the chain to the first file importing each. */
  readonly packages: ReadonlyMap<string, readonly string[]>;
  readonly problems: readonly ImportProblem[];
}

export function isNodeBuiltin(specifier: string): boolean;
export function runtimeImports(code: string, filePath: string): string[];
export function browserImportGraph(
  entries: readonly string[],
  options?: { readonly allowedPackages?: Readonly<Record<string, string>> },
): BrowserImportGraph;
export function formatImportProblems(problems: readonly ImportProblem[], root: string): string[];
