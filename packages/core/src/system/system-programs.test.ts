import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  SYSTEM_PROGRAMS,
  checkPrograms,
  findProgram,
  programSearchFromEnv,
  type SystemProgram,
} from "./system-programs.js";

const posix = process.platform !== "win32";
const sandbox = mkdtempSync(join(tmpdir(), "wakeforge-programs-"));
const binA = join(sandbox, "a");
const binB = join(sandbox, "b");
mkdirSync(binA);
mkdirSync(binB);
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

function script(dir: string, name: string, mode = 0o755): string {
  const path = join(dir, name);
  writeFileSync(path, "#!/bin/sh\necho fake\n");
  chmodSync(path, mode);
  return path;
}

const nodeDir = dirname(process.execPath);
const search = (searchPath: string[]) => ({ searchPath, executableSuffixes: [""] });

describe("findProgram", () => {
  it("finds the running node through a PATH made only of its folder", async () => {
    expect(await findProgram(["node"], search([nodeDir]))).toBe(join(nodeDir, "node"));
  });

  it("takes the first match in PATH order", async () => {
    script(binA, "fake-tts");
    const second = script(binB, "fake-tts");
    expect(await findProgram(["fake-tts"], search([binB, binA]))).toBe(second);
  });

  it("tries aliases after the main name", async () => {
    const alias = script(binA, "fake-browser-stable");
    expect(await findProgram(["fake-browser", "fake-browser-stable"], search([binA]))).toBe(alias);
  });

  it.runIf(posix)("skips files that are not executable, and folders", async () => {
    script(binA, "not-executable", 0o644);
    mkdirSync(join(binA, "a-folder"));
    expect(await findProgram(["not-executable"], search([binA]))).toBeUndefined();
    expect(await findProgram(["a-folder"], search([binA]))).toBeUndefined();
  });

  it("tries Windows suffixes", async () => {
    const exe = script(binB, "fake-tool.EXE");
    expect(
      await findProgram(["fake-tool"], {
        searchPath: [binB],
        executableSuffixes: ["", ".EXE"],
        platform: "win32",
      }),
    ).toBe(exe);
  });

  it("returns undefined with an empty PATH", async () => {
    expect(await findProgram(["node"], search([]))).toBeUndefined();
  });
});

describe("checkPrograms", () => {
  const catalogue: SystemProgram[] = [
    {
      name: "node",
      purpose: "runs JavaScript",
      usedBy: "everything",
      install: { apt: "nodejs", brew: "node" },
    },
    {
      name: "wakeforge-missing-tool",
      purpose: "nothing",
      usedBy: "tests",
      install: { apt: "x", brew: "x" },
    },
  ];

  it("reports found programs with their path and missing ones without", async () => {
    const [node, missing] = await checkPrograms(search([binA, nodeDir]), catalogue);
    expect(node).toMatchObject({
      name: "node",
      found: true,
      path: join(nodeDir, "node"),
      purpose: "runs JavaScript",
    });
    expect(missing).toMatchObject({ name: "wakeforge-missing-tool", found: false });
    expect(missing?.path).toBeUndefined();
  });

  it("reports every wakeforge program as missing when PATH holds none of them", async () => {
    const statuses = await checkPrograms(search([binA]));
    expect(statuses.map((s) => s.name)).toEqual(SYSTEM_PROGRAMS.map((p) => p.name));
    expect(statuses.every((s) => !s.found)).toBe(true);
    expect(statuses.every((s) => s.install.apt !== "" && s.purpose !== "")).toBe(true);
  });

  it("uses an explicit executable instead of PATH, and says when it is wrong", async () => {
    const browser = script(binB, "my-chromium");
    const [found] = await checkPrograms(
      { ...search([]), overrides: { node: { path: browser, variable: "WAKEFORGE_CHROMIUM" } } },
      catalogue.slice(0, 1),
    );
    expect(found).toMatchObject({ found: true, path: browser, note: "from WAKEFORGE_CHROMIUM" });

    const [wrong] = await checkPrograms(
      {
        ...search([nodeDir]),
        overrides: { node: { path: join(binB, "nope"), variable: "WAKEFORGE_CHROMIUM" } },
      },
      catalogue.slice(0, 1),
    );
    expect(wrong?.found).toBe(false);
    expect(wrong?.note).toContain("is not an executable file");
  });
});

describe("the program list", () => {
  it("is the list tooling/scripts/system-deps.sh installs", () => {
    const script = readFileSync(
      new URL("../../../../tooling/scripts/system-deps.sh", import.meta.url),
      "utf8",
    );
    const entries = [...script.matchAll(/^\s+"([\w-]+):([\w-]+)"/gm)].map((m) => ({
      name: m[1],
      apt: m[2],
    }));
    expect(entries).toEqual(
      SYSTEM_PROGRAMS.map(({ name, install }) => ({ name, apt: install.apt })),
    );
  });

  it("reads the search rules from an environment", () => {
    expect(programSearchFromEnv({ PATH: `/a${delimiter}${delimiter}/b` }, "linux")).toEqual({
      searchPath: ["/a", "/b"],
      executableSuffixes: [""],
      platform: "linux",
    });
    expect(programSearchFromEnv({ PATHEXT: ".EXE;.CMD" }, "win32").executableSuffixes).toEqual([
      "",
      ".EXE",
      ".CMD",
    ]);
  });
});
