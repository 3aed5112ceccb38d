"use client";

import Link from "next/link";
import { useState } from "react";
import type { JobView } from "../../lib/jobs/job-types";
import { formatDuration } from "../../lib/format";
import { JobLogPanel } from "./job-log-panel";
import { JobProgress } from "./job-progress";
import { JobStateBadge } from "./job-state-badge";
import { utcClock } from "./job-time";

/** "started 18:02:11 · ran 52 s", from the run's start to its end (or to now). */
function timings(job: JobView, nowMs: number): string {
  const parts = [`queued ${utcClock(job.createdAt)}`];
  if (job.startedAt) {
    const end = job.finishedAt ? Date.parse(job.finishedAt) : nowMs;
    const seconds = Math.max(0, (end - Date.parse(job.startedAt)) / 1000);
    parts.push(
      `started ${utcClock(job.startedAt).slice(11)}`,
      `${job.finishedAt ? "ran" : "running for"} ${formatDuration(seconds)}`,
    );
  } else if (job.finishedAt) {
    parts.push(`ended ${utcClock(job.finishedAt).slice(11)}`);
  }
  return parts.join(" · ");
}

interface JobRowProps {
  readonly job: JobView;
  readonly nowMs: number;
  readonly onCancel: (job: JobView) => void;
  readonly cancelling: boolean;
}

/** One job of the Jobs page, with its log under it when opened. */
export function JobRow({ job, nowMs, onCancel, cancelling }: JobRowProps) {
  const [logOpen, setLogOpen] = useState(false);
  const active = job.state === "queued" || job.state === "running";
  return (
    <>
      <tr data-testid="job-row" data-job-id={job.id} data-state={job.state}>
        <td>
          <JobStateBadge state={job.state} />
          <div className="muted">{job.kind}</div>
        </td>
        <td>
          {job.project ? (
            <Link href={`/projects/${job.project.id}/train`} data-testid="job-project">
              {job.project.name}
            </Link>
          ) : (
            <span className="muted">not from a project</span>
          )}
          <div className="muted" title={job.summary}>
            {job.id}
          </div>
        </td>
        <td data-testid="job-worker">
          {job.worker ?? <span className="muted">not taken yet</span>}
          {job.backend ? <div className="muted">backend {job.backend}</div> : null}
        </td>
        <td style={{ minWidth: 180 }}>
          <JobProgress job={job} />
        </td>
        <td data-testid="job-attempts">
          {job.attempts} of {job.maxAttempts}
        </td>
        <td className="muted" data-testid="job-timings">
          {timings(job, nowMs)}
          {job.error ? (
            <div className="job-error" data-testid="job-error">
              {job.error.code}: {job.error.message}
            </div>
          ) : null}
        </td>
        <td>
          <div className="actions">
            <button
              className="button button-small"
              type="button"
              onClick={() => setLogOpen((open) => !open)}
              aria-expanded={logOpen}
              data-testid="job-log-toggle"
            >
              {logOpen ? "Hide log" : "Log"}
            </button>
            {active ? (
              <button
                className="button button-small"
                type="button"
                onClick={() => onCancel(job)}
                disabled={cancelling || job.cancelRequested}
                data-testid="job-cancel"
              >
                {cancelling || job.cancelRequested ? "Stopping…" : "Cancel"}
              </button>
            ) : null}
          </div>
        </td>
      </tr>
      {logOpen ? (
        <tr>
          <td colSpan={7}>
            <JobLogPanel jobId={job.id} live={job.state === "running"} />
          </td>
        </tr>
      ) : null}
    </>
  );
}
