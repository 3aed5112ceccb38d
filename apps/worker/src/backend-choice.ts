// The TensorFlow.js backend a command runs on: --backend, else WAKEFORGE_BACKEND, else auto
// (tfjs-node-gpu → tfjs-node → wasm → cpu). Every command that runs a model starts here; without
// it tfjs falls back to its plain-JavaScript cpu backend, many times slower than wasm.
import { initBackend, isBackendChoice, type BackendReport } from "@wakeforge/core";
import { readWorkerEnv } from "./env.js";
import { UsageError } from "./usage-error.js";

export async function startBackend(
  flag: string | undefined,
  env: NodeJS.ProcessEnv,
): Promise<BackendReport> {
  const choice = flag ?? readWorkerEnv(env).backend;
  if (!isBackendChoice(choice))
    throw new UsageError(`--backend ${choice}: expected auto, node-gpu, node, wasm or cpu`);
  return initBackend(choice);
}
