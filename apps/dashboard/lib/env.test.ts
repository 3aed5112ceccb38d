import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { NODE_BACKEND_ORDER } from "@wakeforge/core";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_HOST, DEFAULT_PORT, EnvError, findRepoRoot, parseEnv } from "./env";

// A fake checkout: <root>/pnpm-workspace.yaml and <root>/apps/dashboard as the working folder.
const root = mkdtempSync(join(tmpdir(), "wakeforge-env-"));
const appDir = join(root, "apps", "dashboard");
mkdirSync(appDir, { recursive: true });
writeFileSync(join(root, "pnpm-workspace.yaml"), "packages: []\n");
afterAll(() => rmSync(root, { recursive: true, force: true }));

const options = { nodeBackends: NODE_BACKEND_ORDER, cwd: appDir, platform: "linux" as const };

function issuesOf(source: Record<string, string | undefined>): readonly string[] {
  try {
    parseEnv(source, options);
  } catch (error) {
    if (error instanceof EnvError) return error.issues;
    throw error;
  }
  return [];
}

describe("parseEnv", () => {
  it("applies defaults to an empty environment", () => {
    const env = parseEnv({}, options);
    expect(env.host).toBe(DEFAULT_HOST);
    expect(env.port).toBe(DEFAULT_PORT);
    expect(env.backend).toBe("auto");
    expect(env.dataDir).toBe(join(root, ".wakeforge"));
    expect(env.dataDirSource).toBe("default");
    expect(env.chromiumPath).toBeUndefined();
    expect(env.searchPath).toEqual([]);
  });

  it("reads a valid PORT and HOST", () => {
    const env = parseEnv({ PORT: "8080", HOST: "0.0.0.0" }, options);
    expect(env.port).toBe(8080);
    expect(env.host).toBe("0.0.0.0");
  });

  it.each([
    ["abc", 'PORT must be a whole number from 1 to 65535, got "abc"'],
    ["80.5", 'PORT must be a whole number from 1 to 65535, got "80.5"'],
    ["-1", 'PORT must be a whole number from 1 to 65535, got "-1"'],
    ["0", "PORT must be from 1 to 65535, got 0"],
    ["70000", "PORT must be from 1 to 65535, got 70000"],
  ])("rejects PORT=%s with a clear message", (port, message) => {
    expect(() => parseEnv({ PORT: port }, options)).toThrow(EnvError);
    expect(issuesOf({ PORT: port })).toEqual([message]);
  });

  it("names the variable and the bad value in the error message", () => {
    expect(() => parseEnv({ PORT: "http" }, options)).toThrow(
      /Invalid environment for the wakeforge dashboard:\n {2}- PORT must be a whole number from 1 to 65535, got "http"/,
    );
  });

  it("treats an empty variable as unset", () => {
    expect(parseEnv({ PORT: "", WAKEFORGE_DATA_DIR: "  " }, options)).toMatchObject({
      port: DEFAULT_PORT,
      dataDirSource: "default",
    });
  });

  it("reports every bad variable at once", () => {
    const issues = issuesOf({
      PORT: "x",
      WAKEFORGE_BACKEND: "gpu",
      WAKEFORGE_CHROMIUM: "chromium",
    });
    expect(issues).toHaveLength(3);
    expect(issues[1]).toBe(
      'WAKEFORGE_BACKEND must be one of auto, node-gpu, node, wasm, cpu, got "gpu"',
    );
    expect(issues[2]).toMatch(/^WAKEFORGE_CHROMIUM must be the absolute path/);
  });

  it("accepts any Node backend, case-insensitively, and no browser one", () => {
    expect(parseEnv({ WAKEFORGE_BACKEND: "WASM" }, options).backend).toBe("wasm");
    expect(issuesOf({ WAKEFORGE_BACKEND: "webgl" })).toHaveLength(1);
  });

  it("resolves a relative WAKEFORGE_DATA_DIR against the repository root", () => {
    const env = parseEnv({ WAKEFORGE_DATA_DIR: "data/dev" }, options);
    expect(env.dataDir).toBe(join(root, "data", "dev"));
    expect(env.dataDirSource).toBe("WAKEFORGE_DATA_DIR");
    expect(parseEnv({ WAKEFORGE_DATA_DIR: "/srv/wakeforge" }, options).dataDir).toBe(
      "/srv/wakeforge",
    );
    expect(parseEnv({ WAKEFORGE_DATA_DIR: "~/wf" }, options).dataDir).toBe(join(homedir(), "wf"));
  });

  it("falls back to the working folder outside a checkout", () => {
    const outside = mkdtempSync(join(tmpdir(), "wakeforge-nocheckout-"));
    try {
      expect(findRepoRoot(outside)).toBeUndefined();
      expect(parseEnv({}, { ...options, cwd: outside }).dataDir).toBe(join(outside, ".wakeforge"));
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it("splits PATH by the platform's rules", () => {
    expect(parseEnv({ PATH: "/usr/bin::/bin" }, options).searchPath).toEqual(["/usr/bin", "/bin"]);
    const windows = parseEnv(
      { Path: "C:\\Windows;C:\\Tools", PATHEXT: ".EXE;.CMD" },
      { ...options, platform: "win32" },
    );
    expect(windows.searchPath).toEqual(["C:\\Windows", "C:\\Tools"]);
    expect(windows.executableSuffixes).toEqual(["", ".EXE", ".CMD"]);
  });
});
