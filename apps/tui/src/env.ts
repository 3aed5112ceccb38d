// The one place the terminal UI reads its environment; everything else receives this object.
import { resolve } from "node:path";
import { isBackendChoice, type BackendChoice } from "@wakeforge/core";
import { colorEnabled } from "./theme.js";

type Env = Readonly<Record<string, string | undefined>>;

export interface TuiEnv {
  /** WAKEFORGE_DATA_DIR: models, work folders, job logs; default ./.wakeforge, as the worker's. */
  readonly dataDir: string;
  /** WAKEFORGE_QUEUE: the queue the Jobs screen shows (a SQLite path or redis:// URL). */
  readonly queue: string | undefined;
  /** WAKEFORGE_BACKEND: the tfjs backend when no --backend flag is given. */
  readonly backend: BackendChoice;
  /**
   * WAKEFORGE_CLI: the `wakeforge` command that trains (a JS file run with this Node, or an
   * executable). `wakeforge tui` sets it to itself.
   */
  readonly wakeforgeCli: string | undefined;
  readonly color: boolean;
  /** TERM=dumb: the terminal cannot move the cursor, so nothing can be redrawn on it. */
  readonly dumbTerminal: boolean;
  /** The environment as given, for child processes and PATH searches. */
  readonly raw: Env;
}

export class TuiEnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TuiEnvError";
  }
}

const trimmed = (value: string | undefined) => value?.trim() || undefined;

export function readTuiEnv(env: Env): TuiEnv {
  const backend = trimmed(env["WAKEFORGE_BACKEND"]) ?? "auto";
  if (!isBackendChoice(backend)) {
    throw new TuiEnvError(
      `WAKEFORGE_BACKEND="${backend}" is not a backend (auto, node-gpu, node, wasm, cpu)`,
    );
  }
  return {
    dataDir: resolve(trimmed(env["WAKEFORGE_DATA_DIR"]) ?? ".wakeforge"),
    queue: trimmed(env["WAKEFORGE_QUEUE"]),
    backend,
    wakeforgeCli: trimmed(env["WAKEFORGE_CLI"]),
    color: colorEnabled(env),
    dumbTerminal: env["TERM"] === "dumb",
    raw: env,
  };
}
