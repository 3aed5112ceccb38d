// The browser side of @wakeforge/core's backend loading, best first: webgpu → webgl → wasm → cpu.
//
// What core depends on decides what can run: @tensorflow/tfjs bundles the webgl and cpu
// backends, @tensorflow/tfjs-backend-wasm the wasm one. WebGPU lives in
// @tensorflow/tfjs-backend-webgpu, which core does not depend on (in headless Chromium it ran
// about 24× slower than WebGL). An app that wants it imports that package itself, which
// registers "webgpu" with TensorFlow.js; `auto` then tries it first, and otherwise reports it
// as not loaded and starts at webgl.
import * as tf from "@tensorflow/tfjs";
import type { BackendCandidate, BackendChoice, BackendReport } from "./backend-types.js";
import { activateTf, activateWasm, cpuCandidate, type WasmPaths } from "./portable-backends.js";
import { selectBackend } from "./select-backend.js";

export interface BrowserBackendOptions {
  /**
   * Where the wasm backend's three `.wasm` files are served (see WASM_BINARY_FILES). Bundlers
   * do not copy them: serve `@tensorflow/tfjs-backend-wasm/dist/*.wasm` and pass that URL
   * prefix. Default: tfjs's own guess, beside the script.
   */
  readonly wasmPaths?: WasmPaths;
}

function registered(name: string): boolean {
  return Boolean(tf.findBackendFactory(name));
}

const webgpuCandidate: BackendCandidate = {
  name: "webgpu",
  async probe() {
    if (!registered("webgpu")) {
      return "@tensorflow/tfjs-backend-webgpu is not loaded (import it in the app to use WebGPU)";
    }
    const gpu = (globalThis as { navigator?: { gpu?: unknown } }).navigator?.gpu;
    if (!gpu) return "this browser has no WebGPU (navigator.gpu is missing)";
    return undefined;
  },
  async activate() {
    await activateTf("webgpu");
    return { tfBackend: "webgpu", details: {} };
  },
};

const webglCandidate: BackendCandidate = {
  name: "webgl",
  async probe() {
    // @tensorflow/tfjs registers webgl only when it finds itself in a browser.
    if (!registered("webgl"))
      return "no webgl backend here (TensorFlow.js registers it in browsers)";
    const scope = globalThis as { OffscreenCanvas?: unknown; document?: unknown };
    if (scope.OffscreenCanvas === undefined && scope.document === undefined) {
      return "no canvas to create a WebGL context on (neither OffscreenCanvas nor document)";
    }
    return undefined;
  },
  async activate() {
    // tf.setBackend returns false (so activation throws and `auto` moves on) when the browser
    // refuses a WebGL context, e.g. with hardware acceleration off.
    await activateTf("webgl");
    return { tfBackend: "webgl", details: { webglVersion: tf.env().getNumber("WEBGL_VERSION") } };
  },
};

function wasmCandidate(wasmPaths: WasmPaths | undefined): BackendCandidate {
  return {
    name: "wasm",
    async probe() {
      if (typeof (globalThis as { WebAssembly?: unknown }).WebAssembly !== "object") {
        return "WebAssembly is not available in this runtime";
      }
      return undefined;
    },
    activate: () => activateWasm(wasmPaths),
  };
}

/** The browser backends, best first: WebGPU (when the app loaded it), WebGL, WebAssembly, JavaScript. */
export function browserBackendCandidates(options: BrowserBackendOptions = {}): BackendCandidate[] {
  return [webgpuCandidate, webglCandidate, wasmCandidate(options.wasmPaths), cpuCandidate];
}

/**
 * Makes the best (or the requested) browser backend the current TensorFlow.js backend and
 * reports which one runs and why better ones were skipped. Runs in Node too (wasm and cpu),
 * which is how the browser entry is tested.
 */
export function initBrowserBackend(
  requested: BackendChoice = "auto",
  options: BrowserBackendOptions = {},
): Promise<BackendReport> {
  return selectBackend(requested, browserBackendCandidates(options));
}
