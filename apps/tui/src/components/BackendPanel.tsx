import { Box, Text } from "ink";
import type { BackendReport } from "@wakeforge/core";
import { useTheme } from "../use-theme.js";

export interface BackendPanelProps {
  readonly report: BackendReport;
}

/** The backend in use with its details, then the better backends that were skipped and why. */
export function BackendPanel({ report }: BackendPanelProps) {
  const theme = useTheme();
  const how = report.requested === "auto" ? "chosen automatically" : "as requested";
  return (
    <Box flexDirection="column">
      <Text bold>TensorFlow.js backend</Text>
      <Text>
        {"  "}
        <Text bold color={theme.success}>
          {report.backend}
        </Text>
        {` (tfjs "${report.tfBackend}"), ${how}`}
      </Text>
      {Object.entries(report.details).map(([key, value]) => (
        <Box key={key} paddingLeft={4}>
          <Text>{`${key}: ${String(value)}`}</Text>
        </Box>
      ))}
      {report.skipped.length > 0 && (
        <Box flexDirection="column" marginTop={1}>
          <Text>Skipped, best first:</Text>
          {report.skipped.map((skip) => (
            // Padding rather than leading spaces, so a long reason wraps under itself.
            <Box key={skip.backend} paddingLeft={2}>
              <Text dimColor>{`${skip.backend}: ${skip.reason}`}</Text>
            </Box>
          ))}
        </Box>
      )}
    </Box>
  );
}
