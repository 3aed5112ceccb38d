import { Box, Text, useApp } from "ink";
import { useKeys } from "../use-keys.js";
import { useCallback, useEffect, useRef, useState } from "react";
import type { BackendChoice } from "@wakeforge/core";
import type { Interrupts } from "../interrupts.js";
import { screenAfter, screenForKey, type ScreenId } from "../screens.js";
import type { TuiServices } from "../services.js";
import type { SystemInfo } from "../system-info.js";
import { PLAIN_THEME, type Theme } from "../theme.js";
import type { TrainingSettings } from "../training/training-settings.js";
import { isTrainingActive, type TrainingState } from "../training/training-state.js";
import { useBackendProbe } from "../use-backend-probe.js";
import { useTerminalSize } from "../use-terminal-size.js";
import { ThemeContext } from "../use-theme.js";
import { useTraining } from "../use-training.js";
import { KeyHints, type KeyHint } from "./KeyHints.js";
import { TabBar } from "./TabBar.js";
import { DetectScreen } from "./screens/DetectScreen.js";
import { EvalScreen } from "./screens/EvalScreen.js";
import { JobsScreen } from "./screens/JobsScreen.js";
import { OverviewScreen } from "./screens/OverviewScreen.js";
import { SystemScreen } from "./screens/SystemScreen.js";
import { TrainScreen } from "./screens/TrainScreen.js";

export interface TuiConfig {
  readonly dataDir: string;
  /** The queue the Jobs screen shows: a SQLite path or redis:// URL. */
  readonly queue: string;
  readonly backend: BackendChoice;
  readonly screen: ScreenId;
  /** Absolute; opened on the Evaluate and Detect screens (and listed on the Overview). */
  readonly model: string | undefined;
  readonly file: string | undefined;
  readonly mic: boolean;
  readonly training: TrainingSettings;
  readonly startTraining: boolean;
  readonly system: SystemInfo;
}

/** How the App ended: the exit code, and a line to print once the screen is gone. */
export interface AppExit {
  readonly code: number;
  readonly message: string | undefined;
}

export interface AppProps {
  readonly config: TuiConfig;
  readonly services: TuiServices;
  readonly theme?: Theme;
  /** Signals from outside (SIGINT, SIGTERM, SIGHUP), handled as Ctrl-C is. */
  readonly interrupts?: Interrupts;
}

/** Exit code of a program stopped by Ctrl-C (128 + SIGINT), as shells report it. */
const EXIT_INTERRUPTED = 130;
const MIN_COLUMNS = 40;
const MIN_ROWS = 10;
/** Narrower than this, the tab bar uses short names to stay on one row. */
const WIDE_COLUMNS = 80;

const GLOBAL_HINTS: readonly KeyHint[] = [
  { key: "tab", action: "next screen" },
  { key: "1-6", action: "screen" },
  { key: "q", action: "quit" },
];

function exitMessage(state: TrainingState | undefined): string | undefined {
  if (state?.status === "stopped")
    return `training stopped: no model was written to ${state.model}`;
  if (state?.status === "completed") return `trained "${state.phrase}": ${state.model}`;
  if (state?.status === "failed") return `training failed: ${state.error ?? "unknown error"}`;
  return undefined;
}

/** The terminal UI: a tab bar, the open screen, and the keys; training runs across screens. */
export function App({ config, services, theme = PLAIN_THEME, interrupts }: AppProps) {
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize();
  const [screen, setScreen] = useState<ScreenId>(config.screen);
  const [model, setModel] = useState<string | undefined>(config.model);
  const [capturing, setCapturing] = useState(false);
  /** Each q or Ctrl-C counts: during training the first stops it, the second kills its worker. */
  const [quitRequests, setQuitRequests] = useState(0);
  const [interrupted, setInterrupted] = useState(false);
  const [systemOpened, setSystemOpened] = useState(config.screen === "system");
  const training = useTraining(services.startTraining);
  const { probe, reprobe } = useBackendProbe(config.backend, services.probeBackend, systemOpened);
  const active = isTrainingActive(training.state);

  const open = useCallback(
    (next: ScreenId | ((current: ScreenId) => ScreenId)) => setScreen(next),
    [],
  );
  useEffect(() => {
    if (screen === "system") setSystemOpened(true);
  }, [screen]);

  // Quitting waits for a training run to stop, so its worker never outlives the screen and the
  // terminal is given back only once nothing is left running. In effects, not in the key
  // handler, so a quit asked for in the instant a run starts still sees the run.
  const stop = training.stop;
  useEffect(() => {
    if (quitRequests > 0 && active) stop();
    // Only a new request stops (again); the run becoming active does not count twice.
  }, [quitRequests]);
  useEffect(() => {
    if (quitRequests === 0 || active) return;
    const code = interrupted && training.state?.status === "stopped" ? EXIT_INTERRUPTED : 0;
    exit({ code, message: exitMessage(training.state) } satisfies AppExit);
  }, [quitRequests, active, interrupted, exit, training.state]);

  const requestQuit = (how: "quit" | "interrupt") => {
    if (how === "interrupt") setInterrupted(true);
    setQuitRequests((n) => n + 1);
  };
  const latestRequestQuit = useRef(requestQuit);
  latestRequestQuit.current = requestQuit;
  useEffect(
    () => interrupts?.subscribe(() => latestRequestQuit.current("interrupt")),
    [interrupts],
  );

  useKeys((input, key) => {
    if (key.ctrl && input === "c") return requestQuit("interrupt");
    if (capturing) return;
    if (input === "q") return requestQuit("quit");
    if (key.tab) return open((current) => screenAfter(current, key.shift ? -1 : 1));
    const target = screenForKey(input);
    if (target) open(target);
  });

  const openModel = useCallback(
    (next: "eval" | "detect", dir: string) => {
      setModel(dir);
      open(next);
    },
    [open],
  );

  const small = columns < MIN_COLUMNS || rows < MIN_ROWS;
  const banner =
    quitRequests > 0 && active
      ? "Stopping training before quitting: the worker stops at its next step and writes no model. q or Ctrl-C again kills it at once."
      : undefined;
  // Rows around the screen: the tab bar and its gap, the global keys, Ink's last line.
  const bodyHeight = rows - 4 - (banner ? 2 : 0);
  const width = columns - 1;
  let body;
  switch (screen) {
    case "overview":
      body = (
        <OverviewScreen
          dataDir={config.dataDir}
          extraModels={config.model ? [config.model] : []}
          readDataDir={services.readDataDir}
          selectedModel={model}
          onSelectModel={setModel}
          onOpenModel={openModel}
          onTrain={() => open("train")}
          width={width}
          height={bodyHeight}
        />
      );
      break;
    case "train":
      body = (
        <TrainScreen
          training={training}
          initial={config.training}
          dataDir={config.dataDir}
          autoStart={config.startTraining}
          readModelRecord={services.readModelRecord}
          width={width}
          height={bodyHeight}
          onCaptureChange={setCapturing}
          onOpenModel={openModel}
        />
      );
      break;
    case "eval":
      body = (
        <EvalScreen
          model={model}
          readModelRecord={services.readModelRecord}
          width={width}
          height={bodyHeight}
        />
      );
      break;
    case "detect":
      body = (
        <DetectScreen
          model={model}
          file={config.file}
          micAtStart={config.mic}
          readModelRecord={services.readModelRecord}
          detect={services.detect}
          width={width}
          height={bodyHeight}
          onCaptureChange={setCapturing}
        />
      );
      break;
    case "jobs":
      body = (
        <JobsScreen location={config.queue} watchQueue={services.watchQueue} height={bodyHeight} />
      );
      break;
    case "system":
      body = (
        <SystemScreen
          backendChoice={config.backend}
          probe={probe}
          reprobe={reprobe}
          system={config.system}
          height={bodyHeight}
        />
      );
      break;
  }

  return (
    <ThemeContext value={theme}>
      {small ? (
        <Text wrap="wrap">{`The terminal is ${columns}×${rows}; wakeforge needs at least ${MIN_COLUMNS}×${MIN_ROWS}. Make it larger, or press q to quit.`}</Text>
      ) : (
        <Box flexDirection="column" width={columns} height={rows - 1}>
          <TabBar current={screen} compact={columns < WIDE_COLUMNS} />
          {banner && (
            <Box marginTop={1}>
              <Text color={theme.warning} wrap="truncate-end">
                {banner}
              </Text>
            </Box>
          )}
          <Box marginTop={1} flexDirection="column">
            {body}
          </Box>
          <KeyHints hints={GLOBAL_HINTS} />
        </Box>
      )}
    </ThemeContext>
  );
}
