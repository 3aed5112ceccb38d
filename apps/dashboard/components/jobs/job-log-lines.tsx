import type { JobLogLine } from "../../lib/jobs/job-types";

const time = (ms: number) => new Date(ms).toISOString().slice(11, 19);

/** A job's log, oldest line first, each with its time (UTC) and warnings marked. */
export function JobLogLines({ lines }: { readonly lines: readonly JobLogLine[] }) {
  return (
    <pre className="job-log" data-testid="job-log">
      {lines.map((line, i) => (
        <span key={i} className={`job-log-${line.level}`}>
          {time(line.timeMs)} {line.text}
          {"\n"}
        </span>
      ))}
    </pre>
  );
}
