// What the figures were measured on: a bench number means little without the machine, the
// runtimes and how busy the machine was.
import { cpus, loadavg, totalmem } from "node:os";
import { TFJS_VERSION, nodeBackendCandidates, type NodeBackendName } from "@wakeforge/core";
import type { MachineInfo } from "./bench-result.js";
import { onnxRuntimeVersion } from "./reference-runtime.js";

/** Node backends that can start here (probed, not started), best first, and why others cannot. */
export async function probeBackends(): Promise<MachineInfo["backends"]> {
  const available: NodeBackendName[] = [];
  const unavailable: { backend: string; reason: string }[] = [];
  for (const candidate of nodeBackendCandidates()) {
    const reason = await candidate.probe();
    if (reason === undefined) available.push(candidate.name as NodeBackendName);
    else unavailable.push({ backend: candidate.name, reason });
  }
  return { available, unavailable };
}

export async function describeMachine(): Promise<MachineInfo> {
  const cores = cpus();
  return {
    cpuModel: cores[0]?.model.trim() ?? "unknown",
    logicalCores: cores.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    platform: process.platform,
    arch: process.arch,
    node: process.version,
    onnxruntime: onnxRuntimeVersion(),
    tfjs: TFJS_VERSION,
    loadAverage: loadavg()[0] ?? 0,
    backends: await probeBackends(),
  };
}
