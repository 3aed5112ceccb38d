import { Box, Text } from "ink";
import type { ScoreStep } from "../detect/run-detection.js";

export interface DetectionLogProps {
  readonly detections: readonly ScoreStep[];
  /** Rows for entries; the newest are shown. */
  readonly rows: number;
}

/** Detections, newest first: when (seconds into the audio) and how sure. */
export function DetectionLog({ detections, rows }: DetectionLogProps) {
  const shown = detections.slice(-Math.max(0, Math.floor(rows))).reverse();
  return (
    <Box flexDirection="column">
      <Text bold>{`Detections (${detections.length})`}</Text>
      {detections.length === 0 ? (
        <Text dimColor>None yet.</Text>
      ) : (
        shown.map((d, i) => (
          <Text
            key={`${detections.length - i}`}
          >{`${d.timeSeconds.toFixed(2).padStart(8)} s  score ${d.score.toFixed(3)}`}</Text>
        ))
      )}
    </Box>
  );
}
