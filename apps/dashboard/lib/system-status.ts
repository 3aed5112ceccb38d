// Everything the System page and GET /api/status show, gathered in one place.
import { constants } from "node:fs";
import { access, stat } from "node:fs/promises";
import os from "node:os";
import type {
  BackendChoice,
  BrowserBackendName,
  NodeBackendName,
  ProgramStatus,
} from "@wakeforge/core";
import { serverBackend, type ServerBackend } from "./backend";
import { loadCore } from "./core";
import { loadEnv, type DashboardEnv } from "./env";

export interface DataDirStatus {
  readonly path: string;
  readonly source: DashboardEnv["dataDirSource"];
  /** "missing" is normal before first use: wakeforge creates it when it first saves something. */
  readonly state: "writable" | "read-only" | "missing" | "not-a-directory";
}

export interface SystemStatus {
  /** When this report was made (ISO 8601). */
  readonly checkedAt: string;
  readonly backend: ServerBackend & {
    /** What the server was asked for (WAKEFORGE_BACKEND, default auto). */
    readonly requested: BackendChoice;
    /** The order `auto` tries, best first. */
    readonly order: readonly NodeBackendName[];
  };
  /** The order a browser tries, best first (the browser panel checks these itself). */
  readonly browserBackendOrder: readonly BrowserBackendName[];
  readonly runtime: {
    readonly node: string;
    readonly platform: NodeJS.Platform;
    readonly arch: string;
    readonly os: string;
    readonly cpuCount: number;
    readonly cpuModel: string | undefined;
    readonly memory: {
      readonly totalBytes: number;
      readonly freeBytes: number;
      /** Resident memory of this server process. */
      readonly processBytes: number;
    };
    readonly uptimeSeconds: number;
  };
  readonly dataDir: DataDirStatus;
  readonly programs: readonly ProgramStatus[];
  /** Installs missing programs (Debian/Ubuntu); run from the repository root. */
  readonly installCommand: string;
}

export async function dataDirStatus(env: DashboardEnv): Promise<DataDirStatus> {
  const base = { path: env.dataDir, source: env.dataDirSource };
  try {
    const info = await stat(env.dataDir);
    if (!info.isDirectory()) return { ...base, state: "not-a-directory" };
  } catch {
    return { ...base, state: "missing" };
  }
  try {
    await access(env.dataDir, constants.W_OK);
    return { ...base, state: "writable" };
  } catch {
    return { ...base, state: "read-only" };
  }
}

export interface SystemStatusOptions {
  /** Settings to report on (default: the validated process environment). */
  readonly env?: DashboardEnv;
  /** Starts or returns the server's backend (default: the shared one; tests pass a fake). */
  readonly backend?: (requested: BackendChoice) => Promise<ServerBackend>;
}

/** Checks the machine without side effects beyond starting the TensorFlow.js backend once. */
export async function getSystemStatus(options: SystemStatusOptions = {}): Promise<SystemStatus> {
  const env = options.env ?? (await loadEnv());
  const startBackend = options.backend ?? serverBackend;
  const core = await loadCore();
  const [backend, programs, dataDir] = await Promise.all([
    startBackend(env.backend),
    core.checkPrograms({
      searchPath: env.searchPath,
      executableSuffixes: env.executableSuffixes,
      overrides: {
        chromium:
          env.chromiumPath === undefined
            ? undefined
            : { path: env.chromiumPath, variable: "WAKEFORGE_CHROMIUM" },
      },
    }),
    dataDirStatus(env),
  ]);
  const cpus = os.cpus();
  return {
    checkedAt: new Date().toISOString(),
    backend: { ...backend, requested: env.backend, order: [...core.NODE_BACKEND_ORDER] },
    browserBackendOrder: [...core.BROWSER_BACKEND_ORDER],
    runtime: {
      node: process.version,
      platform: process.platform,
      arch: process.arch,
      os: `${os.type()} ${os.release()}`,
      cpuCount:
        typeof os.availableParallelism === "function" ? os.availableParallelism() : cpus.length,
      cpuModel: cpus[0]?.model.trim(),
      memory: {
        totalBytes: os.totalmem(),
        freeBytes: os.freemem(),
        processBytes: process.memoryUsage().rss,
      },
      uptimeSeconds: Math.round(process.uptime()),
    },
    dataDir,
    programs,
    installCommand: core.SYSTEM_DEPS_COMMAND,
  };
}
