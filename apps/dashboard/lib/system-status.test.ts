import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { BROWSER_BACKEND_ORDER, NODE_BACKEND_ORDER } from "@wakeforge/core";
import { afterAll, describe, expect, it } from "vitest";
import type { ServerBackend } from "./backend";
import { parseEnv } from "./env";
import { dataDirStatus, getSystemStatus } from "./system-status";

const sandbox = mkdtempSync(join(tmpdir(), "wakeforge-status-"));
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

function envWith(source: Record<string, string>) {
  return parseEnv(source, { nodeBackends: NODE_BACKEND_ORDER, cwd: sandbox, platform: "linux" });
}

const fakeBackend = async (): Promise<ServerBackend> => ({
  state: "ready",
  startupMillis: 3,
  report: {
    requested: "auto",
    backend: "wasm",
    tfBackend: "wasm",
    skipped: [{ backend: "node", reason: "not installed" }],
    details: { simd: true, threads: false },
  },
});

describe("getSystemStatus", () => {
  it("gathers backend, runtime, data directory and programs from the given environment", async () => {
    const env = envWith({
      PATH: dirname(process.execPath),
      WAKEFORGE_DATA_DIR: join(sandbox, "data"),
    });
    const status = await getSystemStatus({ env, backend: fakeBackend });

    expect(status.backend).toMatchObject({
      state: "ready",
      requested: "auto",
      order: [...NODE_BACKEND_ORDER],
    });
    expect(status.browserBackendOrder).toEqual([...BROWSER_BACKEND_ORDER]);
    expect(status.runtime.node).toBe(process.version);
    expect(status.runtime.cpuCount).toBeGreaterThan(0);
    expect(status.runtime.memory.totalBytes).toBeGreaterThan(0);
    expect(status.dataDir).toEqual({
      path: join(sandbox, "data"),
      source: "WAKEFORGE_DATA_DIR",
      state: "missing",
    });
    // PATH holds only node's folder: none of wakeforge's programs is there (in a normal install).
    expect(status.programs.map((p) => p.name)).toContain("espeak-ng");
    expect(status.installCommand).toBe("bash tooling/scripts/system-deps.sh");
    expect(JSON.parse(JSON.stringify(status))).toEqual(status);
  });

  it("passes WAKEFORGE_BACKEND to the backend and reports a failure", async () => {
    const env = envWith({ WAKEFORGE_BACKEND: "node-gpu" });
    const status = await getSystemStatus({
      env,
      backend: async (requested) => ({
        state: "failed",
        requested,
        error: `${requested}: no NVIDIA driver`,
      }),
    });
    expect(status.backend).toMatchObject({
      state: "failed",
      requested: "node-gpu",
      error: "node-gpu: no NVIDIA driver",
    });
  });
});

describe("dataDirStatus", () => {
  it("tells a writable folder from a file in its place", async () => {
    const dir = join(sandbox, "ok");
    mkdirSync(dir);
    expect((await dataDirStatus(envWith({ WAKEFORGE_DATA_DIR: dir }))).state).toBe("writable");
    const file = join(sandbox, "file");
    writeFileSync(file, "");
    expect((await dataDirStatus(envWith({ WAKEFORGE_DATA_DIR: file }))).state).toBe(
      "not-a-directory",
    );
  });
});
