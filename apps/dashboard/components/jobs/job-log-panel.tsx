"use client";

import { useCallback, useEffect, useState } from "react";
import { api, errorMessage } from "../../lib/client/api-client";
import type { JobLogView } from "../../lib/jobs/job-types";
import { JobLogLines } from "./job-log-lines";
import { usePolling } from "./use-polling";

const POLL_MILLIS = 1_500;

/** A job's log, read when opened and followed while the job runs. */
export function JobLogPanel({ jobId, live }: { readonly jobId: string; readonly live: boolean }) {
  const [log, setLog] = useState<JobLogView | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const load = useCallback(async () => {
    try {
      setLog(await api.jobLog(jobId));
      setProblem(undefined);
    } catch (failure) {
      setProblem(errorMessage(failure));
    }
  }, [jobId]);
  useEffect(() => {
    void load();
  }, [load]);
  usePolling(load, POLL_MILLIS, live);
  if (problem) return <p className="hint">The log could not be read: {problem}</p>;
  if (!log) return <p className="hint">Reading the log…</p>;
  if (!log.available) {
    return (
      <p className="hint" data-testid="job-log-elsewhere">
        No log at {log.path} on this machine: the worker that ran the job keeps it on its own.
      </p>
    );
  }
  return log.lines.length > 0 ? (
    <JobLogLines lines={log.lines} />
  ) : (
    <p className="hint">The log is empty so far.</p>
  );
}
