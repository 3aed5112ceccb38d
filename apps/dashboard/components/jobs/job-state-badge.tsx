import type { JobState } from "@wakeforge/jobs";

const BADGE: Readonly<Record<JobState, string>> = {
  queued: "badge",
  running: "badge badge-accent",
  completed: "badge badge-ok",
  failed: "badge badge-bad",
  cancelled: "badge badge-warn",
};

export function JobStateBadge({ state }: { readonly state: JobState }) {
  return (
    <span className={BADGE[state]} data-testid="job-state">
      {state}
    </span>
  );
}
