import { Box, Text } from "ink";
import { useKeys } from "../../use-keys.js";
import type { BackendChoice } from "@wakeforge/core";
import type { SystemInfo } from "../../system-info.js";
import type { BackendProbe } from "../../use-backend-probe.js";
import { useTheme } from "../../use-theme.js";
import { BackendPanel } from "../BackendPanel.js";
import type { KeyHint } from "../KeyHints.js";
import { ScreenFrame } from "../ScreenFrame.js";
import { SystemPanel } from "../SystemPanel.js";

export interface SystemScreenProps {
  readonly backendChoice: BackendChoice;
  readonly probe: BackendProbe;
  readonly reprobe: () => void;
  readonly system: SystemInfo;
  readonly height: number;
}

const HINTS: readonly KeyHint[] = [{ key: "r", action: "re-probe" }];

/** Which backend runs here and why, and the runtime. */
export function SystemScreen({ backendChoice, probe, reprobe, system, height }: SystemScreenProps) {
  const theme = useTheme();
  useKeys((input) => {
    if (input === "r") reprobe();
  });
  return (
    <ScreenFrame height={height} hints={HINTS}>
      <Box flexDirection="column" rowGap={1}>
        {probe.status === "probing" && (
          <Text>{`Probing TensorFlow.js backends (${backendChoice})…`}</Text>
        )}
        {probe.status === "ready" && <BackendPanel report={probe.report} />}
        {probe.status === "failed" && (
          <Text color={theme.error}>{`No backend: ${probe.message}`}</Text>
        )}
        <SystemPanel system={system} />
      </Box>
    </ScreenFrame>
  );
}
