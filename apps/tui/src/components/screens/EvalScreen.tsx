import { Box, Text } from "ink";
import { useKeys } from "../../use-keys.js";
import {
  DET_GLYPH,
  OPERATING_POINT_GLYPH,
  detChartOptions,
  detSeries,
} from "../../chart/det-chart.js";
import { detChartInputOf, evaluationRows } from "../../model/evaluation-rows.js";
import type { EvaluationRecord } from "../../model/model-record.js";
import type { TuiServices } from "../../services.js";
import { useModelRecord } from "../../use-model-record.js";
import { useTheme } from "../../use-theme.js";
import { Chart } from "../Chart.js";
import type { KeyHint } from "../KeyHints.js";
import { ScreenFrame } from "../ScreenFrame.js";

export interface EvalScreenProps {
  readonly model: string | undefined;
  readonly readModelRecord: TuiServices["readModelRecord"];
  readonly width: number;
  readonly height: number;
}

const HINTS: readonly KeyHint[] = [{ key: "r", action: "reload" }];

function EvaluationTable({ evaluation }: { readonly evaluation: EvaluationRecord }) {
  const rows = evaluationRows(evaluation);
  const labelWidth = Math.max(...rows.map(([label]) => label.length));
  return (
    <Box flexDirection="column">
      {rows.map(([label, value]) => (
        <Text key={label} wrap="truncate-end">
          <Text bold={!label.startsWith(" ")}>{label.padEnd(labelWidth)}</Text>
          {`  ${value}`}
        </Text>
      ))}
    </Box>
  );
}

/** The model's evaluation from its training record: the table, then the DET curve. */
export function EvalScreen({ model, readModelRecord, width, height }: EvalScreenProps) {
  const theme = useTheme();
  const { view, reload } = useModelRecord(readModelRecord, model);
  useKeys((input) => {
    if (input === "r") reload();
  });

  let body;
  if (view.status === "none") {
    body = <Text>No model chosen: pick one on the Overview (1), or start with --model DIR.</Text>;
  } else if (view.status === "loading") {
    body = <Text>{`Reading ${model}…`}</Text>;
  } else if (view.status === "failed") {
    body = <Text color={theme.error}>{view.message}</Text>;
  } else if (!view.record.evaluation) {
    body = (
      <Text wrap="wrap">
        {`${view.record.dir} has no evaluation in a training record (metrics.json): models trained by wakeforge have one; measure others with wakeforge eval.`}
      </Text>
    );
  } else {
    const { record } = view;
    const evaluation = view.record.evaluation;
    const rows = evaluationRows(evaluation).length;
    const chartHeight = Math.min(16, Math.max(0, height - rows - 7));
    const input = detChartInputOf(evaluation);
    body = (
      <>
        <Text
          bold
          wrap="truncate-end"
        >{`"${record.manifest.phrase ?? record.name}"  ${record.dir}`}</Text>
        <EvaluationTable evaluation={evaluation} />
        <Box marginTop={1}>
          <Chart
            title="DET: missed wakes (false-reject rate) vs. false accepts per hour"
            series={detSeries(input)}
            options={detChartOptions(input, { width: Math.min(width, 100), height: chartHeight })}
            legend={[
              `${OPERATING_POINT_GLYPH} threshold`,
              ...(input.targetFalseAcceptsPerHour ? ["┊ target"] : []),
            ]}
          />
        </Box>
        {evaluation.det.length === 0 && (
          <Text dimColor>{`No DET points recorded (${DET_GLYPH}).`}</Text>
        )}
      </>
    );
  }
  return (
    <ScreenFrame height={height} hints={HINTS}>
      {body}
    </ScreenFrame>
  );
}
