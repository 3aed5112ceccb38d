import { Box, Text } from "ink";
import type { JobStage } from "@wakeforge/jobs";
import {
  curveTitle,
  learningChartOptions,
  learningSeries,
  type CurveMetric,
} from "../chart/learning-chart.js";
import type { ModelRecord } from "../model/model-record.js";
import type { TrainingState } from "../training/training-state.js";
import { useTheme } from "../use-theme.js";
import { Chart } from "./Chart.js";
import { ProgressBar } from "./ProgressBar.js";
import { TrainingSummary } from "./TrainingSummary.js";

export interface TrainingViewProps {
  readonly state: TrainingState;
  readonly etaSeconds: number | undefined;
  /** The finished model's record (threshold, evaluation, verdict), once read. */
  readonly record?: ModelRecord | undefined;
  readonly width: number;
  readonly height: number;
}

const STAGE_LABELS: Readonly<Record<JobStage, string>> = {
  queued: "waiting for the worker",
  synthesizing: "preparing data: synthetic speech, background and negative audio",
  augmenting: "augmenting clips",
  embedding: "computing embeddings with the pre-trained base",
  training: "training",
  evaluating: "evaluating on held-out voices and negative audio",
  exporting: "writing the model",
  done: "done",
};

function statusLine(state: TrainingState): string {
  switch (state.status) {
    case "starting":
      return "starting the worker…";
    case "running":
      return state.stage ? STAGE_LABELS[state.stage] : "starting…";
    case "stopping":
      return `stopping: the worker stops at its next step (a training run ends first); no model is written to ${state.model}`;
    case "completed":
      return `done: the model is in ${state.model}`;
    case "stopped":
      return `stopped: no model was written to ${state.model}`;
    case "failed":
      return `failed: ${state.error ?? "unknown error"}`;
  }
}

const METRICS: readonly CurveMetric[] = ["recall", "loss"];
/** Rows besides the charts and the log: title, bar, status, their gaps. */
const FIXED_ROWS = 5;

export function TrainingView({ state, etaSeconds, record, width, height }: TrainingViewProps) {
  const theme = useTheme();
  const sideBySide = width >= 70;
  const chartWidth = sideBySide ? Math.floor((width - 2) / 2) : width;
  const summaryRows = state.status === "completed" ? 6 : 0;
  const spare = Math.max(0, height - FIXED_ROWS - summaryRows);
  // Two chart rows for title and legend; what is left after the charts goes to the log.
  const chartHeight = Math.min(
    14,
    Math.max(0, Math.floor((sideBySide ? spare - 3 : spare / 2 - 2) - 2)),
  );
  const logRows = Math.max(1, spare - (sideBySide ? chartHeight + 2 : 2 * (chartHeight + 2)));
  const statusColor =
    state.status === "failed"
      ? theme.error
      : state.status === "completed"
        ? theme.success
        : state.status === "stopping" || state.status === "stopped"
          ? theme.warning
          : undefined;
  const hasCurves = Object.values(state.curves).some((c) => c.length > 0);

  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate">{`Training "${state.phrase}" → ${state.model}`}</Text>
      <ProgressBar
        fraction={state.fraction}
        width={Math.min(40, Math.max(0, width - 20))}
        etaSeconds={etaSeconds}
      />
      <Text color={statusColor} wrap="truncate-end">
        {statusLine(state)}
      </Text>
      {state.status === "completed" && record && <TrainingSummary record={record} width={width} />}
      <Box flexDirection={sideBySide ? "row" : "column"} columnGap={2} marginTop={1}>
        {hasCurves ? (
          METRICS.map((metric) => (
            <Chart
              key={metric}
              title={curveTitle(state.curves, metric)}
              series={learningSeries(state.curves, metric)}
              options={learningChartOptions(state.curves, metric, {
                width: chartWidth,
                height: chartHeight,
                plannedEpochs: state.plannedEpochs,
              })}
            />
          ))
        ) : (
          <Text dimColor>The learning curves appear here after the first epoch.</Text>
        )}
      </Box>
      <Box flexDirection="column" marginTop={1}>
        {state.log.slice(-logRows).map((line, i) => (
          <Text
            key={`${state.log.length - logRows + i}`}
            wrap="truncate-end"
            color={
              line.level === "error"
                ? theme.error
                : line.level === "warn"
                  ? theme.warning
                  : undefined
            }
            dimColor={line.level === "info"}
          >
            {line.message}
          </Text>
        ))}
      </Box>
    </Box>
  );
}
