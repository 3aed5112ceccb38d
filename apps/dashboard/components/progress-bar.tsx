import { formatDuration } from "../lib/format";

interface ProgressBarProps {
  /** Done so far, 0…1. */
  readonly fraction: number;
  /** What is progressing, for assistive technology ("Training progress"). */
  readonly label: string;
}

/** A long-running job's bar (synthesis, training). */
export function ProgressBar({ fraction, label }: ProgressBarProps) {
  const percent = Math.round(Math.min(1, Math.max(0, fraction)) * 100);
  return (
    <div
      className="progress"
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-label={label}
    >
      <span style={{ width: `${percent}%` }} />
    </div>
  );
}

/** " · about 40 s left", or "" without an estimate; never says less than a second. */
export function timeLeftText(seconds: number | null | undefined): string {
  return seconds === null || seconds === undefined
    ? ""
    : ` · about ${formatDuration(Math.max(1, seconds))} left`;
}
