import { describeJob, type QueuedJobRecord } from "@wakeforge/jobs";

/** What a job's last column says: where its result is, why it failed, or what it does. */
export function jobOutcome(job: QueuedJobRecord): string {
  if (job.state === "completed" && job.result) return job.result.artifactsDir;
  if (job.error && job.state !== "completed")
    return `${job.error.code}: ${job.error.message.split("\n")[0]}`;
  if (job.cancelRequested && job.state === "running") return "cancel requested";
  return describeJob(job.spec);
}

/** "12 s ago", "5 min ago", "3 h ago", or the date for older ones. */
export function ago(ms: number, nowMs: number): string {
  const seconds = Math.max(0, Math.round((nowMs - ms) / 1000));
  if (seconds < 90) return `${seconds} s ago`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 36 * 3600) return `${Math.round(seconds / 3600)} h ago`;
  return new Date(ms).toISOString().slice(0, 10);
}
