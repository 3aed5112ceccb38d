// The Node side of @wakeforge/core's backend loading (the browser's is browser-backends.ts).
import { existsSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { BackendCandidate, BackendChoice, BackendReport } from "./backend-types.js";
import { activateTf, activateWasm, cpuCandidate } from "./portable-backends.js";
import { selectBackend } from "./select-backend.js";

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
  activate: () => activateWasm(),
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
