// A queue record plus what its log says, as the pages show a job: progress (the better of the
// heartbeat's and the log's), the time left, the stage, when the run started and ended.
import {
  createEtaEstimator,
  describeJob,
  isFinalJobState,
  type QueuedJobRecord,
} from "@wakeforge/jobs";
import type { JobLogDigest } from "./job-log";
import type { JobView } from "./job-types";

const iso = (ms: number) => new Date(ms).toISOString();

/** Seconds left, from the run's fraction reports up to `nowMs` (a stall makes it grow). */
function etaSeconds(digest: JobLogDigest | undefined, nowMs: number): number | null {
  if (!digest || digest.fractions.length === 0) return null;
  const estimator = createEtaEstimator();
  let eta: number | undefined;
  for (const point of digest.fractions) eta = estimator.update(point.fraction, point.timeMs);
  const last = digest.fractions.at(-1)?.fraction ?? 0;
  eta = estimator.update(last, Math.max(nowMs, digest.fractions.at(-1)?.timeMs ?? nowMs)) ?? eta;
  return eta === undefined ? null : Math.round(eta);
}

export function jobView(
  record: QueuedJobRecord,
  digest: JobLogDigest | undefined,
  project: { readonly id: string; readonly name: string } | null,
  nowMs: number = Date.now(),
): JobView {
  const running = record.state === "running";
  const logged = running ? (digest?.fractions.at(-1)?.fraction ?? 0) : 0;
  const done = record.state === "completed";
  return {
    id: record.id,
    kind: record.spec.kind,
    state: record.state,
    summary: describeJob(record.spec),
    project,
    worker: record.worker ?? null,
    backend: record.backend ?? null,
    progress: done ? 1 : Math.max(record.progress, logged),
    etaSeconds: running ? etaSeconds(digest, nowMs) : null,
    stage: digest?.stage ?? null,
    attempts: record.attempts,
    maxAttempts: record.maxAttempts,
    cancelRequested: record.cancelRequested,
    error: record.error ? { code: record.error.code, message: record.error.message } : null,
    createdAt: iso(record.createdAtMs),
    startedAt: digest?.runStartedMs ? iso(digest.runStartedMs) : null,
    finishedAt:
      isFinalJobState(record.state) || record.state === "failed" ? iso(record.updatedAtMs) : null,
    updatedAt: iso(record.updatedAtMs),
  };
}
