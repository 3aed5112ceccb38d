import { Box, Text, useApp, useInput } from "ink";
import type { BackendChoice } from "@wakeforge/core";
import type { SystemInfo } from "../system-info.js";
import { PLAIN_THEME, type Theme } from "../theme.js";
import { useBackendProbe, type ProbeBackend } from "../use-backend-probe.js";
import { ThemeContext } from "../use-theme.js";
import { BackendPanel } from "./BackendPanel.js";
import { KeyHints, type KeyHint } from "./KeyHints.js";
import { SystemPanel } from "./SystemPanel.js";

const HINTS: readonly KeyHint[] = [
  { key: "q", action: "quit" },
  { key: "r", action: "re-probe" },
];

export interface AppProps {
  readonly backendChoice: BackendChoice;
  /** Finds and starts a backend; core's `initBackend` in the CLI, a fake in tests. */
  readonly probeBackend: ProbeBackend;
  readonly system: SystemInfo;
  readonly theme?: Theme;
}

/** The System screen: which backend runs here and why, the runtime, and the keys. */
export function App({ backendChoice, probeBackend, system, theme = PLAIN_THEME }: AppProps) {
  const { exit } = useApp();
  const { probe, reprobe } = useBackendProbe(backendChoice, probeBackend);

  useInput((input) => {
    if (input === "q") exit();
    else if (input === "r") reprobe();
  });

  return (
    <ThemeContext value={theme}>
      <Box flexDirection="column" rowGap={1}>
        <Text bold color={theme.accent}>
          wakeforge · System
        </Text>
        {probe.status === "probing" && (
          <Text>{`Probing TensorFlow.js backends (${backendChoice})…`}</Text>
        )}
        {probe.status === "ready" && <BackendPanel report={probe.report} />}
        {probe.status === "failed" && (
          <Text color={theme.error}>{`No backend: ${probe.message}`}</Text>
        )}
        <SystemPanel system={system} />
        <KeyHints hints={HINTS} />
      </Box>
    </ThemeContext>
  );
}
