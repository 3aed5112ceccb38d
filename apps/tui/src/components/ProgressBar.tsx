import { Text } from "ink";
import { formatDuration } from "@wakeforge/jobs";
import { useTheme } from "../use-theme.js";

const FILLED_CELL = "█";
const EMPTY_CELL = "░";

export interface ProgressBarProps {
  /** 0..1; values outside are clamped, NaN (unknown) draws an empty bar. */
  readonly fraction: number;
  /** Cells of the bar itself, without the percentage; fractional widths round down. */
  readonly width: number;
  readonly etaSeconds?: number | undefined;
}

/** Whole cells, never negative: layouts can hand a bar 0, negative or fractional space. */
function cellCount(width: number): number {
  return Number.isFinite(width) ? Math.max(0, Math.floor(width)) : 0;
}

export function ProgressBar({ fraction, width, etaSeconds }: ProgressBarProps) {
  const theme = useTheme();
  const known = !Number.isNaN(fraction);
  const shown = known ? Math.min(1, Math.max(0, fraction)) : 0;
  const cells = cellCount(width);
  // Rounded down, so the bar is full and the label says 100% only when the job is done.
  const filled = Math.floor(shown * cells);
  const percent = known ? `${Math.floor(shown * 100)}%` : "--%";
  const eta =
    etaSeconds !== undefined && Number.isFinite(etaSeconds)
      ? `  ETA ${formatDuration(etaSeconds)}`
      : "";
  return (
    <Text>
      <Text color={theme.progress}>{FILLED_CELL.repeat(filled)}</Text>
      <Text dimColor>{EMPTY_CELL.repeat(cells - filled)}</Text>
      {` ${percent.padStart(4)}${eta}`}
    </Text>
  );
}
