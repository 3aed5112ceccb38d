import type { JobView } from "../../lib/jobs/job-types";
import { ProgressBar, timeLeftText } from "../progress-bar";

/** A job's bar with the percentage, the time left while it runs, and the stage it is in. */
export function JobProgress({ job }: { readonly job: JobView }) {
  const percent = Math.round(job.progress * 100);
  const running = job.state === "running";
  return (
    <div data-testid="job-progress" data-progress={job.progress.toFixed(3)}>
      <ProgressBar fraction={job.progress} label={`Progress of job ${job.id}`} />
      <span className="hint" data-testid="job-eta">
        {percent} %{running ? timeLeftText(job.etaSeconds) : ""}
        {running && job.stage ? ` · ${job.stage}` : ""}
        {job.cancelRequested && running ? " · stopping at its next step" : ""}
      </span>
    </div>
  );
}
