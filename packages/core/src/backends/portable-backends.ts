// Backends that run the same way in Node and in browsers (WebAssembly and plain JavaScript):
// one definition shared by node-backends.ts and browser-backends.ts.
import * as tf from "@tensorflow/tfjs";
import type { BackendCandidate } from "./backend-types.js";
import { registerWasmGradientKernels } from "./wasm-gradient-kernels.js";

/** The files of @tensorflow/tfjs-backend-wasm a browser must be able to fetch. */
export const WASM_BINARY_FILES = [
  "tfjs-backend-wasm.wasm",
  "tfjs-backend-wasm-simd.wasm",
  "tfjs-backend-wasm-threaded-simd.wasm",
] as const;

/**
 * Where the wasm backend fetches its binaries: a URL prefix ending in "/" under which all three
 * files are served, or one URL per file.
 */
export type WasmPaths = string | Readonly<Record<(typeof WASM_BINARY_FILES)[number], string>>;

export async function activateTf(name: string): Promise<void> {
  const ok = await tf.setBackend(name);
  if (!ok) throw new Error(`tf.setBackend("${name}") returned false`);
  await tf.ready();
}

/**
 * Loads the wasm backend (with the gradient kernels it lacks) and makes it current. `wasmPaths`
 * only matters where the binaries are not beside the script, i.e. in bundled web apps; the
 * backend reads it once, before it first starts, so later values are ignored.
 */
export async function activateWasm(
  wasmPaths?: WasmPaths,
): Promise<{ tfBackend: string; details: Record<string, string | number | boolean> }> {
  const wasm = await import("@tensorflow/tfjs-backend-wasm");
  const started = (tf.engine().registry as Record<string, unknown>).wasm !== undefined;
  if (wasmPaths !== undefined && !started) wasm.setWasmPaths(wasmPaths);
  registerWasmGradientKernels();
  await activateTf("wasm");
  const simd = Boolean(await tf.env().getAsync("WASM_HAS_SIMD_SUPPORT"));
  const threads = Boolean(await tf.env().getAsync("WASM_HAS_MULTITHREAD_SUPPORT"));
  return { tfBackend: "wasm", details: { simd, threads } };
}

/** Plain JavaScript: always there, about 20× slower than wasm for the base network. */
export const cpuCandidate: BackendCandidate = {
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
