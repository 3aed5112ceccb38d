import { BackendUnavailableError } from "../errors.js";
import type {
  BackendCandidate,
  BackendChoice,
  BackendReport,
  SkippedBackend,
} from "./backend-types.js";

function describe(error: unknown): string {
  if (error instanceof Error) return error.message.split("\n")[0] ?? error.name;
  return String(error);
}

/**
 * Walks `candidates` (best first) and activates the first that works, or exactly the requested
 * one. `auto` never fails while one candidate works; an explicit choice that cannot run throws
 * `BackendUnavailableError` instead of quietly running on something slower.
 */
export async function selectBackend(
  requested: BackendChoice,
  candidates: readonly BackendCandidate[],
): Promise<BackendReport> {
  if (requested !== "auto") {
    const candidate = candidates.find((c) => c.name === requested);
    if (!candidate) {
      const known = candidates.map((c) => c.name).join(", ");
      throw new BackendUnavailableError(
        requested,
        `not available in this environment (choose one of: auto, ${known})`,
      );
    }
    const reason = await candidate.probe();
    if (reason !== undefined) throw new BackendUnavailableError(requested, reason);
    try {
      const { tfBackend, details } = await candidate.activate();
      return { requested, backend: candidate.name, tfBackend, skipped: [], details };
    } catch (error) {
      throw new BackendUnavailableError(requested, `failed to start: ${describe(error)}`, {
        cause: error,
      });
    }
  }

  const skipped: SkippedBackend[] = [];
  for (const candidate of candidates) {
    const reason = await candidate.probe();
    if (reason !== undefined) {
      skipped.push({ backend: candidate.name, reason });
      continue;
    }
    try {
      const { tfBackend, details } = await candidate.activate();
      return { requested, backend: candidate.name, tfBackend, skipped, details };
    } catch (error) {
      skipped.push({ backend: candidate.name, reason: `failed to start: ${describe(error)}` });
    }
  }
  const why = skipped.map((s) => `${s.backend}: ${s.reason}`).join("; ");
  throw new BackendUnavailableError("auto", `no TensorFlow.js backend could start (${why})`);
}

/** One line per fact, for a terminal or a log: the backend in use, then what was skipped. */
export function formatBackendReport(report: BackendReport): string {
  const details = Object.entries(report.details)
    .map(([key, value]) => `${key}=${String(value)}`)
    .join(", ");
  const lines = [
    `backend: ${report.backend} (tfjs "${report.tfBackend}"${details ? `, ${details}` : ""})` +
      (report.requested === "auto" ? ", chosen automatically" : ", as requested"),
  ];
  for (const skip of report.skipped) lines.push(`  skipped ${skip.backend}: ${skip.reason}`);
  return lines.join("\n");
}
