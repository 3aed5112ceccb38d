import { Box, Text } from "ink";
import type { ModelRecord } from "../model/model-record.js";
import { useTheme } from "../use-theme.js";
import { formatPercent, formatRate } from "../format.js";

export interface TrainingSummaryProps {
  readonly record: ModelRecord;
  readonly width: number;
}

/** What the finished run gave: the calibrated threshold, how it does there, the verdict. */
export function TrainingSummary({ record }: TrainingSummaryProps) {
  const theme = useTheme();
  const evaluation = record.evaluation;
  const verdict = record.verdict;
  return (
    <Box flexDirection="column">
      {evaluation && (
        <Text wrap="truncate-end">
          {`threshold ${evaluation.threshold.toFixed(4)}: recall ${formatPercent(evaluation.recall.recall)} on held-out voices, ${formatRate(evaluation.falseAccepts.perHour)} false accepts per hour`}
        </Text>
      )}
      {verdict?.summary.split("\n").map((line) => (
        <Text key={line} wrap="truncate-end">
          {line}
        </Text>
      ))}
      {verdict?.negativeTransfer && (
        <Text color={theme.warning} wrap="wrap">
          {`Negative transfer: ${verdict.warning ?? "the pre-trained base made this word worse than training from scratch."}`}
        </Text>
      )}
    </Box>
  );
}
