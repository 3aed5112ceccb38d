// The one place the worker reads its environment; everything else receives a validated object.
import { resolve } from "node:path";
import { isBackendChoice, type BackendChoice } from "@wakeforge/core";

export interface WorkerEnv {
  /** WAKEFORGE_BACKEND: the tfjs backend when no --backend flag is given. */
  readonly backend: BackendChoice;
  /** WAKEFORGE_DATA_DIR: data kept between runs (synthetic clips, caches), default ./.wakeforge. */
  readonly dataDir: string;
  /** WAKEFORGE_QUEUE: the job queue when no --queue flag is given (a SQLite path or redis://). */
  readonly queue: string | undefined;
}

export class EnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EnvError";
  }
}

export function readWorkerEnv(env: NodeJS.ProcessEnv = process.env): WorkerEnv {
  const backend = env.WAKEFORGE_BACKEND?.trim() || "auto";
  if (!isBackendChoice(backend)) {
    throw new EnvError(
      `WAKEFORGE_BACKEND="${backend}" is not a backend (auto, node-gpu, node, wasm, cpu)`,
    );
  }
  return {
    backend,
    dataDir: resolve(env.WAKEFORGE_DATA_DIR?.trim() || ".wakeforge"),
    queue: env.WAKEFORGE_QUEUE?.trim() || undefined,
  };
}
