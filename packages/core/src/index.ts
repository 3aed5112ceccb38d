// The public surface of @wakeforge/core. Anything not exported here is internal.
export * from "./backends/index.js";
export { BackendUnavailableError, WakeforgeCoreError } from "./errors.js";
export * from "./system/index.js";
