import { Box, Text } from "ink";
import type { SystemInfo } from "../system-info.js";

export interface SystemPanelProps {
  readonly system: SystemInfo;
}

export function SystemPanel({ system }: SystemPanelProps) {
  return (
    <Box flexDirection="column">
      <Text bold>Runtime</Text>
      <Text>{`  node ${system.nodeVersion}`}</Text>
      <Text>{`  platform ${system.platform} ${system.arch}`}</Text>
    </Box>
  );
}
