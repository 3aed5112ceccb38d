import { formatBackendReport, type BackendReport } from "@wakeforge/core";
import type { SystemInfo } from "./system-info.js";

/** The System screen as plain lines, for pipes, logs and terminals without a TTY. */
export function formatPlainReport(report: BackendReport, system: SystemInfo): string {
  return [
    formatBackendReport(report),
    `node: ${system.nodeVersion}`,
    `platform: ${system.platform} ${system.arch}`,
  ].join("\n");
}
