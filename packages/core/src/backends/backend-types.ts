/** Backends wakeforge can run on in Node, best first. */
export const NODE_BACKEND_ORDER = ["node-gpu", "node", "wasm", "cpu"] as const;
/** Backends wakeforge can run on in a browser, best first. */
export const BROWSER_BACKEND_ORDER = ["webgpu", "webgl", "wasm", "cpu"] as const;

export type NodeBackendName = (typeof NODE_BACKEND_ORDER)[number];
export type BrowserBackendName = (typeof BROWSER_BACKEND_ORDER)[number];
export type BackendName = NodeBackendName | BrowserBackendName;
/** What a user may ask for: a backend by name, or `auto` for the best one that works here. */
export type BackendChoice = "auto" | BackendName;

/** A backend that was not used, and why (e.g. `tfjs-node-gpu: native addon not built`). */
export interface SkippedBackend {
  readonly backend: BackendName;
  readonly reason: string;
}

/** What `initBackend` settled on. */
export interface BackendReport {
  readonly requested: BackendChoice;
  /** wakeforge's name for the backend in use. */
  readonly backend: BackendName;
  /** The name TensorFlow.js registered it under (`tensorflow`, `wasm`, `cpu`, …). */
  readonly tfBackend: string;
  /** The better backends that were tried first and why each was skipped, best first. */
  readonly skipped: readonly SkippedBackend[];
  /** Facts about the chosen backend worth showing (SIMD, threads, device). */
  readonly details: Readonly<Record<string, string | number | boolean>>;
}

/**
 * One way to run TensorFlow.js. `probe` answers cheaply whether it can work here (without
 * importing heavy modules where it can), `activate` loads it and makes it the current backend.
 */
export interface BackendCandidate {
  readonly name: BackendName;
  /** Returns `undefined` when the backend looks usable, else the reason it is not. */
  probe(): Promise<string | undefined>;
  /** Loads and activates the backend; returns its tfjs name and details. Throws when it fails. */
  activate(): Promise<{ tfBackend: string; details: Record<string, string | number | boolean> }>;
}

export function isBackendChoice(value: string): value is BackendChoice {
  return (
    value === "auto" ||
    (NODE_BACKEND_ORDER as readonly string[]).includes(value) ||
    (BROWSER_BACKEND_ORDER as readonly string[]).includes(value)
  );
}
