// System programs some wakeforge features rely on, and where (whether) they are on this
// machine. Found by looking through PATH ourselves: no shell, no `which`, nothing executed.
import { constants } from "node:fs";
import { access, stat } from "node:fs/promises";
import { delimiter, join } from "node:path";

/** The script that installs every program below (Debian/Ubuntu; `--check` only reports). */
export const SYSTEM_DEPS_COMMAND = "bash tooling/scripts/system-deps.sh";

export interface SystemProgram {
  /** The name looked for on PATH (and the one tooling/scripts/system-deps.sh checks). */
  readonly name: string;
  /** Other names the same program goes by, tried after `name`. */
  readonly aliases?: readonly string[];
  /** What wakeforge uses it for, in a sentence. */
  readonly purpose: string;
  /** The part of wakeforge that needs it. */
  readonly usedBy: string;
  /** Package names: Debian/Ubuntu (apt-get) and Homebrew. */
  readonly install: { readonly apt: string; readonly brew: string };
}

/** Keep in step with REQUIRED in tooling/scripts/system-deps.sh. */
export const SYSTEM_PROGRAMS: readonly SystemProgram[] = [
  {
    name: "espeak-ng",
    purpose:
      "Synthetic speech: speaks the wake word, and phrases that sound like it, in many voices to build positives and negatives",
    usedBy: "synthetic data (@wakeforge/synth)",
    install: { apt: "espeak-ng", brew: "espeak-ng" },
  },
  {
    name: "sox",
    purpose: "Audio conversion and microphone capture in the terminal UI",
    usedBy: "terminal UI",
    install: { apt: "sox", brew: "sox" },
  },
  {
    name: "ffmpeg",
    purpose: "Decodes compressed audio (MP3, WebM/Opus) for uploads and their tests",
    usedBy: "audio import, tests",
    install: { apt: "ffmpeg", brew: "ffmpeg" },
  },
  {
    name: "redis-server",
    purpose: "The job queue across many machines (BullMQ); its tests start a local server",
    usedBy: "distributed jobs",
    install: { apt: "redis-server", brew: "redis" },
  },
  {
    name: "chromium",
    aliases: ["chromium-browser", "google-chrome", "google-chrome-stable"],
    purpose: "Headless browser for the dashboard's end-to-end tests and browser-backend checks",
    usedBy: "dashboard tests",
    install: { apt: "chromium", brew: "--cask chromium" },
  },
  {
    name: "tmux",
    purpose: "Runs the terminal UI in a virtual terminal for its end-to-end test",
    usedBy: "terminal UI tests",
    install: { apt: "tmux", brew: "tmux" },
  },
];

export interface ProgramSearch {
  /** Folders to look in, in order (the parsed PATH). */
  readonly searchPath: readonly string[];
  /** Suffixes to try after each name (Windows PATHEXT); `[""]` on POSIX. */
  readonly executableSuffixes: readonly string[];
  /** Platform whose rules apply: on Windows any existing file counts, elsewhere it must be executable. */
  readonly platform?: NodeJS.Platform;
}

/** True when `path` is a regular file this process may execute. */
export async function isExecutableFile(
  path: string,
  platform: NodeJS.Platform = process.platform,
): Promise<boolean> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return false;
    if (platform !== "win32") await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first executable called one of `names` on the search path, or undefined. */
export async function findProgram(
  names: readonly string[],
  search: ProgramSearch,
): Promise<string | undefined> {
  const platform = search.platform ?? process.platform;
  for (const dir of search.searchPath) {
    for (const name of names) {
      for (const suffix of search.executableSuffixes) {
        const candidate = join(dir, name + suffix);
        if (await isExecutableFile(candidate, platform)) return candidate;
      }
    }
  }
  return undefined;
}

export interface ProgramStatus {
  readonly name: string;
  readonly purpose: string;
  readonly usedBy: string;
  readonly install: SystemProgram["install"];
  readonly found: boolean;
  /** Where it was found. */
  readonly path?: string;
  /** How it was found, or why it counts as missing when that is not obvious. */
  readonly note?: string;
}

export interface CheckProgramsOptions extends ProgramSearch {
  /** Explicit executables by program name (e.g. chromium from WAKEFORGE_CHROMIUM), used instead of PATH. */
  readonly overrides?: Readonly<Record<string, { path: string; variable: string } | undefined>>;
}

/** Looks up every program in `programs` (default: all wakeforge uses) without running any. */
export async function checkPrograms(
  options: CheckProgramsOptions,
  programs: readonly SystemProgram[] = SYSTEM_PROGRAMS,
): Promise<ProgramStatus[]> {
  return Promise.all(
    programs.map(async (program): Promise<ProgramStatus> => {
      const base = {
        name: program.name,
        purpose: program.purpose,
        usedBy: program.usedBy,
        install: program.install,
      };
      const override = options.overrides?.[program.name];
      if (override) {
        const ok = await isExecutableFile(override.path, options.platform);
        return ok
          ? { ...base, found: true, path: override.path, note: `from ${override.variable}` }
          : {
              ...base,
              found: false,
              note: `${override.variable} is set to ${override.path}, which is not an executable file`,
            };
      }
      const names = [program.name, ...(program.aliases ?? [])];
      const path = await findProgram(names, options);
      if (path === undefined) return { ...base, found: false };
      return { ...base, found: true, path };
    }),
  );
}

/** The search rules of an environment: its PATH folders and, on Windows, its PATHEXT suffixes. */
export function programSearchFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  platform: NodeJS.Platform = process.platform,
): ProgramSearch {
  const searchPath = (env.PATH ?? env.Path ?? "").split(delimiter).filter((dir) => dir !== "");
  const executableSuffixes =
    platform === "win32"
      ? ["", ...(env.PATHEXT ?? ".EXE;.CMD;.BAT").split(";").filter((s) => s !== "")]
      : [""];
  return { searchPath, executableSuffixes, platform };
}
