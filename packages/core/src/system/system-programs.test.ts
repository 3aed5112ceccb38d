import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SYSTEM_PROGRAMS, checkSystemPrograms, findOnPath } from "./system-programs.js";

function fakeBin(): { dir: string; other: string } {
  const root = mkdtempSync(join(tmpdir(), "wakeforge-path-"));
  const dir = join(root, "bin");
  const other = join(root, "other");
  mkdirSync(dir);
  mkdirSync(other);
  writeFileSync(join(dir, "sox"), "#!/bin/sh\n");
  chmodSync(join(dir, "sox"), 0o755);
  writeFileSync(join(other, "ffmpeg"), "not executable");
  chmodSync(join(other, "ffmpeg"), 0o644);
  mkdirSync(join(other, "espeak-ng")); // a directory is not a program
  return { dir, other };
}

describe("system programs", () => {
  it("finds executables on the given PATH only, skipping plain files and directories", () => {
    const { dir, other } = fakeBin();
    const path = [other, "", dir].join(":");
    expect(findOnPath("sox", path)).toBe(join(dir, "sox"));
    expect(findOnPath("ffmpeg", path)).toBeUndefined();
    expect(findOnPath("espeak-ng", path)).toBeUndefined();
    expect(findOnPath("sox", undefined)).toBeUndefined();

    const status = Object.fromEntries(checkSystemPrograms(path).map((p) => [p.name, p.path]));
    expect(status).toEqual({
      "espeak-ng": undefined,
      sox: join(dir, "sox"),
      ffmpeg: undefined,
      "redis-server": undefined,
      chromium: undefined,
      tmux: undefined,
    });
  });

  it("lists the same programs that tooling/scripts/system-deps.sh installs", () => {
    const script = readFileSync(
      new URL("../../../../tooling/scripts/system-deps.sh", import.meta.url),
      "utf8",
    );
    const entries = [...script.matchAll(/^\s+"([\w-]+):([\w-]+)"/gm)].map((m) => ({
      name: m[1],
      debianPackage: m[2],
    }));
    expect(entries).toEqual(
      SYSTEM_PROGRAMS.map(({ name, debianPackage }) => ({ name, debianPackage })),
    );
  });
});
