"use client";

import { useCallback, useState } from "react";
import { api, errorMessage } from "../../lib/client/api-client";
import type { JobView, JobsOverview } from "../../lib/jobs/job-types";
import { Card } from "../card";
import { Message } from "../message";
import { JobRow } from "./job-row";
import { usePolling } from "./use-polling";
import { WorkersCard } from "./workers-card";

const POLL_MILLIS = 1_000;

/** The Jobs page's live part: the queue and its workers, and every job, refreshed each second. */
export function JobsBoard({ initial }: { readonly initial: JobsOverview }) {
  const [overview, setOverview] = useState(initial);
  const [nowMs, setNowMs] = useState(() => Date.now());
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [cancelling, setCancelling] = useState<ReadonlySet<string>>(new Set());

  const refresh = useCallback(async () => {
    try {
      setOverview(await api.jobs());
      setNowMs(Date.now());
      setProblem(undefined);
    } catch (failure) {
      setProblem(errorMessage(failure));
    }
  }, []);
  usePolling(refresh, POLL_MILLIS, true);

  const cancel = async (job: JobView) => {
    setCancelling((ids) => new Set(ids).add(job.id));
    try {
      await api.cancelJob(job.id);
      await refresh();
    } catch (failure) {
      setProblem(errorMessage(failure));
    } finally {
      setCancelling((ids) => {
        const next = new Set(ids);
        next.delete(job.id);
        return next;
      });
    }
  };

  return (
    <div className="stack">
      {problem ? <Message kind="error">{problem}</Message> : null}
      <WorkersCard queue={overview.queue} workers={overview.workers} />
      <Card
        titleId="jobs-title"
        title="Jobs"
        sub="Newest first. Train a model on a worker from a project's Train tab, or queue a job with wakeforge submit."
      >
        <div className="card-body table-wrap">
          {overview.jobs.length === 0 ? (
            <p className="hint" data-testid="jobs-empty" style={{ margin: 0 }}>
              The queue has no jobs yet.
            </p>
          ) : (
            <table className="data" data-testid="jobs-table">
              <thead>
                <tr>
                  <th>State</th>
                  <th>Project</th>
                  <th>Worker</th>
                  <th>Progress</th>
                  <th>Attempts</th>
                  <th>Timings</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {overview.jobs.map((job) => (
                  <JobRow
                    key={job.id}
                    job={job}
                    nowMs={nowMs}
                    onCancel={(j) => void cancel(j)}
                    cancelling={cancelling.has(job.id)}
                  />
                ))}
              </tbody>
            </table>
          )}
        </div>
      </Card>
    </div>
  );
}
