"use client";

import { useEffect, useState } from "react";

interface Check {
  readonly backend: string;
  readonly supported: boolean;
  readonly detail: string;
}

// The smallest module using a SIMD instruction; the same probe tfjs-backend-wasm makes.
const SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 9, 1, 7, 0, 65, 0, 253, 15, 26,
  11,
]);

type GpuNavigator = Navigator & {
  gpu?: { requestAdapter(): Promise<{ info?: { vendor?: string; architecture?: string } } | null> };
};

function withTimeout<T>(promise: Promise<T>, millis: number, fallback: T): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((done) => setTimeout(() => done(fallback), millis)),
  ]);
}

async function checkWebGpu(): Promise<Omit<Check, "backend">> {
  const gpu = (navigator as GpuNavigator).gpu;
  if (!gpu)
    return { supported: false, detail: "navigator.gpu is missing: WebGPU is off or unsupported" };
  try {
    const adapter = await withTimeout(gpu.requestAdapter(), 3000, null);
    if (!adapter)
      return { supported: false, detail: "navigator.gpu exists but offers no GPU adapter" };
    const name = [adapter.info?.vendor, adapter.info?.architecture].filter(Boolean).join(" ");
    return { supported: true, detail: name ? `adapter: ${name}` : "a GPU adapter is available" };
  } catch (error) {
    return { supported: false, detail: `requestAdapter failed: ${String(error)}` };
  }
}

function checkWebGl(): Omit<Check, "backend"> {
  const canvas = document.createElement("canvas");
  const gl2 = canvas.getContext("webgl2");
  const gl = gl2 ?? canvas.getContext("webgl");
  if (!gl) return { supported: false, detail: "no WebGL context could be created" };
  const info = gl.getExtension("WEBGL_debug_renderer_info");
  const renderer = info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : undefined;
  gl.getExtension("WEBGL_lose_context")?.loseContext();
  const version = gl2 ? "WebGL 2" : "WebGL 1 only";
  return { supported: true, detail: renderer ? `${version} · ${renderer}` : version };
}

function checkWasm(): Omit<Check, "backend"> {
  if (typeof WebAssembly !== "object")
    return { supported: false, detail: "WebAssembly is unavailable" };
  const simd = WebAssembly.validate(SIMD_PROBE);
  const threads = crossOriginIsolated && typeof SharedArrayBuffer === "function";
  return {
    supported: true,
    detail: `SIMD ${simd ? "yes" : "no"} · threads ${threads ? "yes" : "no (page is not cross-origin isolated)"}`,
  };
}

async function check(backend: string): Promise<Check> {
  switch (backend) {
    case "webgpu":
      return { backend, ...(await checkWebGpu()) };
    case "webgl":
      return { backend, ...checkWebGl() };
    case "wasm":
      return { backend, ...checkWasm() };
    case "cpu":
      return { backend, supported: true, detail: "plain JavaScript: always works, slowest" };
    default:
      return { backend, supported: false, detail: "unknown backend" };
  }
}

/**
 * Which TensorFlow.js backends this browser could run, checked directly (navigator.gpu, a WebGL
 * context, WebAssembly) so the page stays light: TensorFlow.js itself is not loaded.
 */
export function BrowserBackends({ order }: { readonly order: readonly string[] }) {
  const [checks, setChecks] = useState<readonly Check[] | undefined>(undefined);
  const [cores, setCores] = useState<number | undefined>(undefined);

  useEffect(() => {
    let live = true;
    setCores(navigator.hardwareConcurrency);
    Promise.all(order.map(check)).then(
      (results) => live && setChecks(results),
      (error: unknown) =>
        live &&
        setChecks(
          order.map((backend) => ({
            backend,
            supported: false,
            detail: `check failed: ${String(error)}`,
          })),
        ),
    );
    return () => {
      live = false;
    };
  }, [order]);

  const best = checks?.find((c) => c.supported);

  return (
    <section
      className="card"
      aria-labelledby="browser-backends-title"
      data-testid="browser-panel"
      data-state={checks ? "done" : "checking"}
    >
      <div className="card-head">
        <div>
          <h2 id="browser-backends-title">TensorFlow.js in this browser</h2>
          <p className="card-sub">
            For training and live tests in the page; checked without loading TensorFlow.js
          </p>
        </div>
        <span className="badge badge-accent">this browser</span>
      </div>
      <div className="card-body">
        <div className="headline">
          <span className="headline-value" data-testid="browser-backend">
            {checks ? (best?.backend ?? "none") : "…"}
          </span>
          <span className="headline-note">
            {checks ? "would be chosen" : "checking…"}
            {cores ? ` · ${cores} logical processors` : ""}
          </span>
        </div>
        <h3 className="section-label">Supported here, best first</h3>
        <ul className="ladder">
          {order.map((backend) => {
            const result = checks?.find((c) => c.backend === backend);
            const label = !result ? "checking" : result.supported ? "supported" : "unsupported";
            const badge = !result
              ? "badge"
              : result.supported
                ? "badge badge-ok"
                : "badge badge-warn";
            return (
              <li
                key={backend}
                data-testid="browser-ladder-row"
                data-backend={backend}
                data-supported={result ? String(result.supported) : undefined}
                data-in-use={best?.backend === backend}
              >
                <span className="ladder-name">{backend}</span>
                <span>
                  <span className={badge}>{label}</span>
                </span>
                <span className="ladder-reason">{result?.detail ?? ""}</span>
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}
