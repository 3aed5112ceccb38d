import { Text } from "ink";
import { useKeys } from "../../use-keys.js";
import { useState } from "react";
import { isFinalJobState } from "@wakeforge/jobs";
import { JOB_HEADER, jobRow } from "../../queue/job-rows.js";
import { describeQueueLocation } from "@wakeforge/jobs/node";
import type { TuiServices } from "../../services.js";
import { tableLines } from "../../table.js";
import { useQueueJobs } from "../../use-queue-jobs.js";
import { useTheme } from "../../use-theme.js";
import type { KeyHint } from "../KeyHints.js";
import { ScreenFrame } from "../ScreenFrame.js";

export interface JobsScreenProps {
  readonly location: string;
  readonly watchQueue: TuiServices["watchQueue"];
  readonly height: number;
}

const HINTS: readonly KeyHint[] = [
  { key: "↑↓", action: "job" },
  { key: "c", action: "cancel job" },
];

/** The jobs of the embedded (SQLite) or Redis queue, with their progress, refreshed each second. */
export function JobsScreen({ location, watchQueue, height }: JobsScreenProps) {
  const theme = useTheme();
  const { snapshot, cancel } = useQueueJobs(watchQueue, location);
  const [selected, setSelected] = useState(0);
  const [message, setMessage] = useState<string | undefined>(undefined);
  const jobs = snapshot.status === "ready" ? snapshot.jobs : [];
  const at = Math.min(selected, Math.max(0, jobs.length - 1));

  useKeys((input, key) => {
    if (key.upArrow) setSelected(Math.max(0, at - 1));
    else if (key.downArrow) setSelected(Math.min(jobs.length - 1, at + 1));
    else if (input === "c") {
      const job = jobs[at];
      if (!job) return;
      if (isFinalJobState(job.state) || job.state === "failed") {
        setMessage(
          `job ${job.id} has ended (${job.state}); only queued and running jobs can be cancelled`,
        );
      } else void cancel(job.id).then(setMessage);
    }
  });

  const where = describeQueueLocation(location);
  let body;
  if (snapshot.status === "opening") body = <Text>{`Opening ${where}…`}</Text>;
  else if (snapshot.status === "absent") body = <Text>{snapshot.message}</Text>;
  else if (snapshot.status === "failed") body = <Text color={theme.error}>{snapshot.message}</Text>;
  else if (jobs.length === 0) body = <Text>{`No jobs in ${where}.`}</Text>;
  else {
    const lines = tableLines(
      JOB_HEADER,
      jobs.map((job) => jobRow(job, snapshot.atMs)),
    );
    const rows = Math.max(1, height - 5);
    const first = Math.min(Math.max(0, at - rows + 1), Math.max(0, jobs.length - rows));
    body = (
      <>
        <Text dimColor wrap="truncate-end">{`  ${lines[0]}`}</Text>
        {lines.slice(1 + first, 1 + first + rows).map((line, i) => {
          const isSelected = first + i === at;
          const state = jobs[first + i]?.state;
          const color =
            state === "failed" ? theme.error : state === "completed" ? theme.success : undefined;
          return (
            <Text
              key={jobs[first + i]?.id ?? i}
              wrap="truncate-end"
              bold={isSelected}
              color={color}
            >
              {`${isSelected ? "›" : " "} ${line}`}
            </Text>
          );
        })}
      </>
    );
  }
  return (
    <ScreenFrame height={height} hints={HINTS}>
      <Text wrap="truncate-end">
        <Text bold>Queue </Text>
        {where}
      </Text>
      {body}
      {message && (
        <Text color={theme.warning} wrap="truncate-end">
          {message}
        </Text>
      )}
    </ScreenFrame>
  );
}
