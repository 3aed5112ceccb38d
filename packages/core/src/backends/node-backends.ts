// The one place in @wakeforge/core (Node side) that loads TensorFlow.js backends.
import { existsSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import * as tf from "@tensorflow/tfjs";
import type { BackendCandidate, BackendChoice, BackendReport } from "./backend-types.js";
import { selectBackend } from "./select-backend.js";
import { registerWasmGradientKernels } from "./wasm-gradient-kernels.js";

const require = createRequire(import.meta.url);

/** Where an installed package lives, or undefined when it is not installed. */
function packageDir(name: string): string | undefined {
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    return undefined;
  }
}

/** The tfjs-node addons live at lib/napi-v<N>/tfjs_binding.node once their install succeeded. */
function hasBuiltAddon(dir: string): boolean {
  const lib = join(dir, "lib");
  if (!existsSync(lib)) return false;
  return readdirSync(lib).some(
    (entry) => entry.startsWith("napi-v") && existsSync(join(lib, entry, "tfjs_binding.node")),
  );
}

async function activateTf(name: string): Promise<void> {
  const ok = await tf.setBackend(name);
  if (!ok) throw new Error(`tf.setBackend("${name}") returned false`);
  await tf.ready();
}

function nativeCandidate(
  name: "node-gpu" | "node",
  packageName: string,
  extraProbe?: () => string | undefined,
): BackendCandidate {
  return {
    name,
    async probe() {
      const dir = packageDir(packageName);
      if (!dir) return `${packageName}: not installed (optional dependency)`;
      if (!hasBuiltAddon(dir)) {
        return `${packageName}: native addon not built (its install downloads libtensorflow, which failed or was skipped)`;
      }
      return extraProbe?.();
    },
    async activate() {
      await import(packageName);
      await activateTf("tensorflow");
      return { tfBackend: "tensorflow", details: { package: packageName } };
    },
  };
}

function nvidiaDriverProbe(): string | undefined {
  if (process.platform !== "linux")
    return "@tensorflow/tfjs-node-gpu: CUDA builds run on Linux only";
  if (!existsSync("/proc/driver/nvidia/version")) {
    return "@tensorflow/tfjs-node-gpu: no NVIDIA driver found (/proc/driver/nvidia/version missing)";
  }
  return undefined;
}

const wasmCandidate: BackendCandidate = {
  name: "wasm",
  async probe() {
    if (!packageDir("@tensorflow/tfjs-backend-wasm")) {
      return "@tensorflow/tfjs-backend-wasm: not installed";
    }
    if (typeof (globalThis as { WebAssembly?: unknown }).WebAssembly !== "object")
      return "WebAssembly is not available in this runtime";
    return undefined;
  },
  async activate() {
    await import("@tensorflow/tfjs-backend-wasm");
    registerWasmGradientKernels();
    await activateTf("wasm");
    const simd = Boolean(await tf.env().getAsync("WASM_HAS_SIMD_SUPPORT"));
    const threads = Boolean(await tf.env().getAsync("WASM_HAS_MULTITHREAD_SUPPORT"));
    return { tfBackend: "wasm", details: { simd, threads } };
  },
};

const cpuCandidate: BackendCandidate = {
  name: "cpu",
  async probe() {
    return undefined;
  },
  async activate() {
    await activateTf("cpu");
    // The cpu backend prints a banner urging tfjs-node on first use; our report already says
    // why the faster backends were skipped, so the banner is only noise in logs and terminals.
    (tf.backend() as { firstUse?: boolean }).firstUse = false;
    return { tfBackend: "cpu", details: { note: "plain JavaScript, about 20x slower than wasm" } };
  },
};

/** The Node backends, best first: CUDA, native CPU, WebAssembly (SIMD), plain JavaScript. */
export function nodeBackendCandidates(): BackendCandidate[] {
  return [
    nativeCandidate("node-gpu", "@tensorflow/tfjs-node-gpu", nvidiaDriverProbe),
    nativeCandidate("node", "@tensorflow/tfjs-node"),
    wasmCandidate,
    cpuCandidate,
  ];
}

/**
 * Makes the best (or the requested) backend the current TensorFlow.js backend in this process
 * and reports which one runs and why better ones were skipped.
 */
export function initBackend(requested: BackendChoice = "auto"): Promise<BackendReport> {
  return selectBackend(requested, nodeBackendCandidates());
}
