import { describe, expect, it } from "vitest";
import { BackendUnavailableError } from "../errors.js";
import type { BackendCandidate, BackendName } from "./backend-types.js";
import { formatBackendReport, selectBackend } from "./select-backend.js";

/** A candidate whose probe and activation behave as told, recording whether it was started. */
function fakeCandidate(
  name: BackendName,
  behaviour: { probe?: string; activateError?: string },
): BackendCandidate & { activated: boolean } {
  const candidate = {
    name,
    activated: false,
    async probe() {
      return behaviour.probe;
    },
    async activate() {
      if (behaviour.activateError) throw new Error(behaviour.activateError);
      candidate.activated = true;
      return { tfBackend: `tf-${name}`, details: { fake: true } };
    },
  };
  return candidate;
}

describe("selectBackend", () => {
  it("auto takes the first candidate that probes and starts, recording why others were skipped", async () => {
    const gpu = fakeCandidate("node-gpu", { probe: "no NVIDIA driver found" });
    const node = fakeCandidate("node", { activateError: "libtensorflow.so: cannot open\nmore" });
    const wasm = fakeCandidate("wasm", {});
    const cpu = fakeCandidate("cpu", {});

    const report = await selectBackend("auto", [gpu, node, wasm, cpu]);

    expect(report.backend).toBe("wasm");
    expect(report.tfBackend).toBe("tf-wasm");
    expect(report.skipped).toEqual([
      { backend: "node-gpu", reason: "no NVIDIA driver found" },
      { backend: "node", reason: "failed to start: libtensorflow.so: cannot open" },
    ]);
    expect(cpu.activated).toBe(false);
  });

  it("auto fails with every reason when nothing can start", async () => {
    const attempt = selectBackend("auto", [
      fakeCandidate("wasm", { probe: "not installed" }),
      fakeCandidate("cpu", { activateError: "boom" }),
    ]);
    await expect(attempt).rejects.toThrow(/wasm: not installed; cpu: failed to start: boom/);
  });

  it("an explicit choice runs that backend and nothing else", async () => {
    const wasm = fakeCandidate("wasm", {});
    const cpu = fakeCandidate("cpu", {});
    const report = await selectBackend("cpu", [wasm, cpu]);
    expect(report).toMatchObject({ requested: "cpu", backend: "cpu", skipped: [] });
    expect(wasm.activated).toBe(false);
  });

  it("an explicit choice that cannot run throws a typed error instead of falling back", async () => {
    const attempt = selectBackend("node", [
      fakeCandidate("node", { probe: "native addon not built" }),
      fakeCandidate("cpu", {}),
    ]);
    await expect(attempt).rejects.toBeInstanceOf(BackendUnavailableError);
    await expect(attempt).rejects.toThrow('backend "node" is unavailable: native addon not built');
  });

  it("an explicit choice unknown to this environment names the ones that exist", async () => {
    const attempt = selectBackend("webgpu", [fakeCandidate("wasm", {}), fakeCandidate("cpu", {})]);
    await expect(attempt).rejects.toThrow(/choose one of: auto, wasm, cpu/);
  });

  it("formats a report with the backend first and each skipped backend after", async () => {
    const report = await selectBackend("auto", [
      fakeCandidate("node", { probe: "native addon not built" }),
      fakeCandidate("wasm", {}),
    ]);
    const lines = formatBackendReport(report).split("\n");
    expect(lines[0]).toMatch(/^backend: wasm \(tfjs "tf-wasm", fake=true\), chosen automatically$/);
    expect(lines[1]).toBe("  skipped node: native addon not built");
  });
});
