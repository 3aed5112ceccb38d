import { accessSync, constants, statSync } from "node:fs";
import { delimiter, join } from "node:path";

/** A program outside npm that a wakeforge feature uses, and how to get it. */
export interface SystemProgram {
  readonly name: string;
  readonly purpose: string;
  readonly debianPackage: string;
}

/** Everything tooling/scripts/system-deps.sh installs; keep the two lists in step. */
export const SYSTEM_PROGRAMS: readonly SystemProgram[] = [
  {
    name: "espeak-ng",
    purpose: "synthetic speech for positives and negatives",
    debianPackage: "espeak-ng",
  },
  {
    name: "sox",
    purpose: "audio conversion and microphone capture in the terminal",
    debianPackage: "sox",
  },
  {
    name: "ffmpeg",
    purpose: "decoding compressed uploads (MP3, OGG, WebM)",
    debianPackage: "ffmpeg",
  },
  {
    name: "redis-server",
    purpose: "the job queue across several machines",
    debianPackage: "redis-server",
  },
  { name: "chromium", purpose: "the dashboard's end-to-end tests", debianPackage: "chromium" },
  { name: "tmux", purpose: "the terminal UI's end-to-end test", debianPackage: "tmux" },
];

export interface ProgramStatus extends SystemProgram {
  /** Absolute path of the executable, or undefined when it is not on PATH. */
  readonly path: string | undefined;
}

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Looks a program up on a PATH string the way a shell would, without running a shell. */
export function findOnPath(program: string, pathEnv: string | undefined): string | undefined {
  if (!pathEnv) return undefined;
  const extensions = process.platform === "win32" ? ["", ".exe", ".cmd"] : [""];
  for (const dir of pathEnv.split(delimiter)) {
    if (!dir) continue;
    for (const extension of extensions) {
      const candidate = join(dir, program + extension);
      if (isExecutableFile(candidate)) return candidate;
    }
  }
  return undefined;
}

/** Which of wakeforge's system programs are present on `pathEnv` (default: this process's PATH). */
export function checkSystemPrograms(
  pathEnv: string | undefined = process.env.PATH,
): ProgramStatus[] {
  return SYSTEM_PROGRAMS.map((program) => ({
    ...program,
    path: findOnPath(program.name, pathEnv),
  }));
}
