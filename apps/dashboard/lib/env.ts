// The dashboard's one reader of the environment. Everything else receives a `DashboardEnv`
// (or calls `loadEnv()`), so settings are validated once, with messages that name the variable,
// what it must be, and what it was.
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, isAbsolute, join, resolve } from "node:path";
import type { BackendChoice, NodeBackendName } from "@wakeforge/core";
import { loadCore } from "./core";

/** The folder name of the data directory when `WAKEFORGE_DATA_DIR` is not set. */
export const DEFAULT_DATA_DIR_NAME = ".wakeforge";
export const DEFAULT_HOST = "127.0.0.1";
export const DEFAULT_PORT = 3000;

export interface DashboardEnv {
  /** Interface the server listens on (`HOST`); 127.0.0.1 unless deliberately exposed. */
  readonly host: string;
  /** TCP port (`PORT`), 1–65535. */
  readonly port: number;
  /** Absolute path of the data directory: projects, audio, models, the job database. */
  readonly dataDir: string;
  /** Where `dataDir` came from. */
  readonly dataDirSource: "WAKEFORGE_DATA_DIR" | "default";
  /** The TensorFlow.js backend the server asks for (`WAKEFORGE_BACKEND`). */
  readonly backend: BackendChoice;
  /** A Chromium executable chosen explicitly (`WAKEFORGE_CHROMIUM`), used instead of PATH. */
  readonly chromiumPath: string | undefined;
  /** Folders searched for system programs (`PATH`), in order, empty entries dropped. */
  readonly searchPath: readonly string[];
  /** Executable suffixes tried on Windows (`PATHEXT`); `[""]` elsewhere. */
  readonly executableSuffixes: readonly string[];
  /**
   * The job queue chosen explicitly (`WAKEFORGE_QUEUE`, as the worker reads it): a redis:// URL,
   * or a SQLite file made absolute. Undefined: `<dataDir>/queue.sqlite` (lib/jobs/job-queue.ts).
   */
  readonly queue: string | undefined;
  /** The `wakeforge` program chosen explicitly (`WAKEFORGE_CLI`), for the embedded worker. */
  readonly wakeforgeCli: string | undefined;
}

/** The environment was present but wrong; `issues` holds one sentence per bad variable. */
export class EnvError extends Error {
  readonly issues: readonly string[];

  constructor(issues: readonly string[]) {
    super(
      `Invalid environment for the wakeforge dashboard:\n${issues.map((i) => `  - ${i}`).join("\n")}`,
    );
    this.name = "EnvError";
    this.issues = issues;
  }
}

export interface ParseEnvOptions {
  /** The Node backends `WAKEFORGE_BACKEND` may name besides `auto` (core's NODE_BACKEND_ORDER). */
  readonly nodeBackends: readonly NodeBackendName[];
  /** Folder that relative paths and the repository search start from (default: process.cwd()). */
  readonly cwd?: string;
  /** Platform whose PATH conventions apply (default: process.platform). */
  readonly platform?: NodeJS.Platform;
}

type EnvSource = Readonly<Record<string, string | undefined>>;

/** Set and not just whitespace; otherwise undefined (an empty variable counts as unset). */
function value(source: EnvSource, name: string): string | undefined {
  const raw = source[name];
  if (raw === undefined || raw.trim() === "") return undefined;
  return raw.trim();
}

/**
 * The nearest folder at or above `start` holding `pnpm-workspace.yaml` (the wakeforge
 * repository root), or undefined outside a checkout.
 */
export function findRepoRoot(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function parsePort(raw: string | undefined, issues: string[]): number {
  if (raw === undefined) return DEFAULT_PORT;
  if (!/^\d+$/.test(raw)) {
    issues.push(`PORT must be a whole number from 1 to 65535, got "${raw}"`);
    return DEFAULT_PORT;
  }
  const port = Number(raw);
  if (port < 1 || port > 65535) {
    issues.push(`PORT must be from 1 to 65535, got ${port}`);
    return DEFAULT_PORT;
  }
  return port;
}

function parseHost(raw: string | undefined, issues: string[]): string {
  if (raw === undefined) return DEFAULT_HOST;
  if (/[\s/]/.test(raw)) {
    issues.push(`HOST must be a host name or IP address such as 127.0.0.1, got "${raw}"`);
    return DEFAULT_HOST;
  }
  return raw;
}

function parseBackend(
  raw: string | undefined,
  nodeBackends: readonly NodeBackendName[],
  issues: string[],
): BackendChoice {
  if (raw === undefined) return "auto";
  const choices: readonly BackendChoice[] = ["auto", ...nodeBackends];
  const match = choices.find((c) => c === raw.toLowerCase());
  if (!match) {
    issues.push(`WAKEFORGE_BACKEND must be one of ${choices.join(", ")}, got "${raw}"`);
    return "auto";
  }
  return match;
}

function expandHome(path: string): string {
  if (path === "~") return homedir();
  if (path.startsWith("~/") || path.startsWith("~\\")) return join(homedir(), path.slice(2));
  return path;
}

/**
 * Reads and checks the dashboard's settings from `source` (normally `process.env`).
 * Relative `WAKEFORGE_DATA_DIR` values resolve against the repository root, so the dashboard,
 * the worker and the TUI share one data directory whatever folder they start in.
 * Throws `EnvError` listing every problem at once.
 */
export function parseEnv(source: EnvSource, options: ParseEnvOptions): DashboardEnv {
  const cwd = resolve(/* turbopackIgnore: true */ options.cwd ?? process.cwd());
  const platform = options.platform ?? process.platform;
  const issues: string[] = [];

  const port = parsePort(value(source, "PORT"), issues);
  const host = parseHost(value(source, "HOST"), issues);
  const backend = parseBackend(value(source, "WAKEFORGE_BACKEND"), options.nodeBackends, issues);

  const base = findRepoRoot(cwd) ?? cwd;
  const rawDataDir = value(source, "WAKEFORGE_DATA_DIR");
  if (rawDataDir?.includes("\0")) issues.push("WAKEFORGE_DATA_DIR must not contain a NUL byte");
  const dataDir =
    rawDataDir === undefined
      ? join(base, DEFAULT_DATA_DIR_NAME)
      : resolve(base, expandHome(rawDataDir));

  const rawChromium = value(source, "WAKEFORGE_CHROMIUM");
  if (rawChromium !== undefined && !isAbsolute(expandHome(rawChromium))) {
    issues.push(
      `WAKEFORGE_CHROMIUM must be the absolute path of a Chromium or Chrome executable, got "${rawChromium}"`,
    );
  }
  const chromiumPath = rawChromium === undefined ? undefined : expandHome(rawChromium);

  // Windows spells it Path; Node's process.env is case-insensitive there, a plain object is not.
  const rawPath = source.PATH ?? source.Path ?? "";
  const searchPath = rawPath
    .split(platform === "win32" ? ";" : ":")
    .filter((entry) => entry.trim() !== "");
  const executableSuffixes =
    platform === "win32"
      ? ["", ...(value(source, "PATHEXT") ?? ".COM;.EXE;.BAT;.CMD").split(";").filter(Boolean)]
      : [""];

  const rawQueue = value(source, "WAKEFORGE_QUEUE");
  const queue =
    rawQueue === undefined || /^rediss?:\/\//i.test(rawQueue)
      ? rawQueue
      : resolve(base, expandHome(rawQueue));
  const rawCli = value(source, "WAKEFORGE_CLI");
  if (rawCli !== undefined && !isAbsolute(expandHome(rawCli))) {
    issues.push(
      `WAKEFORGE_CLI must be the absolute path of the wakeforge program, got "${rawCli}"`,
    );
  }

  if (issues.length > 0) throw new EnvError(issues);
  return {
    host,
    port,
    dataDir,
    dataDirSource: rawDataDir === undefined ? "default" : "WAKEFORGE_DATA_DIR",
    backend,
    chromiumPath,
    searchPath,
    executableSuffixes,
    queue,
    wakeforgeCli: rawCli === undefined ? undefined : expandHome(rawCli),
  };
}

let cached: Promise<DashboardEnv> | undefined;

/**
 * The process environment, parsed once. Asynchronous because the list of backends comes from
 * @wakeforge/core, which is imported at run time (see lib/core.ts). Rejects with `EnvError`.
 */
export function loadEnv(): Promise<DashboardEnv> {
  cached ??= loadCore().then((core) =>
    parseEnv(process.env, { nodeBackends: core.NODE_BACKEND_ORDER }),
  );
  return cached;
}
