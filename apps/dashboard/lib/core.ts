// The dashboard's one door to @wakeforge/core's code (type imports elsewhere are fine).
//
// Core loads TensorFlow.js, its wasm binaries and optional native addons from its own
// node_modules at run time, so Node must import it as installed. `serverExternalPackages` does
// not apply to pnpm workspace packages under Turbopack (it bundled core, and core's
// `require.resolve` probes then failed), so the import below is hidden from the bundler and runs
// as a plain Node.js `import()` from the server output, resolving apps/dashboard/node_modules.
import type * as WakeforgeCore from "@wakeforge/core";

export type Core = typeof WakeforgeCore;

let pending: Promise<Core> | undefined;

/** Imports @wakeforge/core once per module instance (Node caches the module itself). */
export function loadCore(): Promise<Core> {
  pending ??= import(/* webpackIgnore: true */ /* turbopackIgnore: true */ "@wakeforge/core");
  return pending;
}
