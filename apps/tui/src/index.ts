// The public surface of @wakeforge/tui (the `wakeforge-tui` command is src/cli.tsx).
export { App, type AppExit, type AppProps, type TuiConfig } from "./components/App.js";
export { BackendPanel, type BackendPanelProps } from "./components/BackendPanel.js";
export { Chart, type ChartProps } from "./components/Chart.js";
export { KeyHints, type KeyHint, type KeyHintsProps } from "./components/KeyHints.js";
export { ProgressBar, type ProgressBarProps } from "./components/ProgressBar.js";
export { ScoreMeter, type ScoreMeterProps } from "./components/ScoreMeter.js";
export { SystemPanel, type SystemPanelProps } from "./components/SystemPanel.js";
export { plot, plotLines, type PlotOptions, type PlotRows, type PlotSeries } from "./chart/plot.js";
export { formatPlainReport } from "./plain-report.js";
export { runCli, type CliProcess } from "./run-cli.js";
export { createServices, type TuiServices } from "./services.js";
export { readSystemInfo, type SystemInfo } from "./system-info.js";
export { COLOR_THEME, PLAIN_THEME, colorEnabled, themeFor, type Theme } from "./theme.js";
export { ThemeContext, useTheme } from "./use-theme.js";
