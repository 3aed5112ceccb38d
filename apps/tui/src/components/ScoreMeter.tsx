import { Text } from "ink";
import { useTheme } from "../use-theme.js";

export interface ScoreMeterProps {
  /** 0..1; undefined before the first score. */
  readonly score: number | undefined;
  readonly threshold: number;
  /** Cells of the meter itself; fractional widths round down. */
  readonly width: number;
}

const THRESHOLD_MARK = "│";

/**
 * The detector's score as a bar with the threshold marked on it: filled cells up to the score,
 * the threshold's cell as a bar line, "FIRE" beside it at or above the threshold (so it reads
 * without colour).
 */
export function ScoreMeter({ score, threshold, width }: ScoreMeterProps) {
  const theme = useTheme();
  const cells = Number.isFinite(width) ? Math.max(0, Math.floor(width)) : 0;
  const value =
    score === undefined || !Number.isFinite(score) ? 0 : Math.min(1, Math.max(0, score));
  const filled = Math.round(value * cells);
  const mark = Math.min(cells - 1, Math.max(0, Math.round(threshold * cells)));
  const above = score !== undefined && score >= threshold;
  const cell = (i: number) => (i === mark ? THRESHOLD_MARK : i < filled ? "█" : "░");
  const bar = Array.from({ length: cells }, (_, i) => cell(i)).join("");
  return (
    <Text>
      <Text color={above ? theme.success : theme.progress}>{bar.slice(0, filled)}</Text>
      <Text dimColor>{bar.slice(filled)}</Text>
      {` ${score === undefined ? "-.--" : value.toFixed(2)}`}
      <Text dimColor>{` / ${threshold.toFixed(2)}`}</Text>
      {above && (
        <Text bold color={theme.success}>
          {"  FIRE"}
        </Text>
      )}
    </Text>
  );
}
