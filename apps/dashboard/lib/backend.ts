// The server's TensorFlow.js backend, chosen once per process and shared by every route.
import type { BackendChoice, BackendReport } from "@wakeforge/core";
import { loadCore } from "./core";

export type ServerBackend =
  | {
      readonly state: "ready";
      readonly report: BackendReport;
      /** How long choosing and starting the backend took. */
      readonly startupMillis: number;
    }
  | {
      readonly state: "failed";
      readonly requested: BackendChoice;
      /** Why no backend runs (an explicitly requested one is unavailable, or none could start). */
      readonly error: string;
    };

// Next bundles each route separately, so a module-level variable would exist once per route;
// TensorFlow.js itself is one per process, and so is this record of it.
const KEY = Symbol.for("wakeforge.dashboard.serverBackend");
type Holder = { [KEY]?: { requested: BackendChoice; pending: Promise<ServerBackend> } };

async function start(requested: BackendChoice): Promise<ServerBackend> {
  const started = performance.now();
  try {
    const { initBackend } = await loadCore();
    const report = await initBackend(requested);
    return { state: "ready", report, startupMillis: Math.round(performance.now() - started) };
  } catch (error) {
    return {
      state: "failed",
      requested,
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

/**
 * Starts the requested backend on first use and returns the same answer afterwards. A failure
 * is not remembered: the next call tries again (a driver may have been fixed meanwhile).
 */
export function serverBackend(requested: BackendChoice): Promise<ServerBackend> {
  const holder = globalThis as Holder;
  const current = holder[KEY];
  if (current && current.requested === requested) return current.pending;
  const pending = start(requested).then((result) => {
    if (result.state === "failed" && holder[KEY]?.pending === pending) delete holder[KEY];
    return result;
  });
  holder[KEY] = { requested, pending };
  return pending;
}
