import { Box, Text } from "ink";
import { useKeys } from "../../use-keys.js";
import { useEffect } from "react";
import { MODEL_HEADER, WORK_HEADER, modelRow, workRow } from "../../model/overview-rows.js";
import type { TuiServices } from "../../services.js";
import { tableLines } from "../../table.js";
import { useDataDir } from "../../use-data-dir.js";
import { useTheme } from "../../use-theme.js";
import type { KeyHint } from "../KeyHints.js";
import { ScreenFrame } from "../ScreenFrame.js";

export interface OverviewScreenProps {
  readonly dataDir: string;
  readonly extraModels: readonly string[];
  readonly readDataDir: TuiServices["readDataDir"];
  /** The model the Evaluate and Detect screens open. */
  readonly selectedModel: string | undefined;
  readonly onSelectModel: (dir: string) => void;
  readonly onOpenModel: (screen: "eval" | "detect", dir: string) => void;
  readonly onTrain: () => void;
  readonly width: number;
  readonly height: number;
}

const HINTS: readonly KeyHint[] = [
  { key: "↑↓", action: "model" },
  { key: "enter", action: "evaluate" },
  { key: "d", action: "detect" },
  { key: "t", action: "train" },
  { key: "r", action: "refresh" },
];

/** The data directory: its models (pick one) and the work folders training keeps. */
export function OverviewScreen(props: OverviewScreenProps) {
  const { selectedModel, onSelectModel, height } = props;
  const theme = useTheme();
  const { view, refresh } = useDataDir(props.readDataDir, props.dataDir, props.extraModels);
  const models = view.status === "ready" ? view.summary.models : [];
  const selected = Math.max(
    0,
    models.findIndex((m) => m.dir === selectedModel),
  );

  // The first model is the one picked until a person picks another.
  const first = models[0]?.dir;
  useEffect(() => {
    if (first && !models.some((m) => m.dir === selectedModel)) onSelectModel(first);
  }, [first, models, selectedModel, onSelectModel]);

  useKeys((input, key) => {
    const model = models[selected];
    if (key.upArrow || key.downArrow) {
      const next =
        models[Math.min(models.length - 1, Math.max(0, selected + (key.upArrow ? -1 : 1)))];
      if (next) onSelectModel(next.dir);
    } else if (key.return && model) props.onOpenModel("eval", model.dir);
    else if (input === "d" && model) props.onOpenModel("detect", model.dir);
    else if (input === "t") props.onTrain();
    else if (input === "r") refresh();
  });

  if (view.status !== "ready") {
    return (
      <ScreenFrame height={height} hints={HINTS}>
        <Text color={view.status === "failed" ? theme.error : undefined}>
          {view.status === "failed"
            ? `Cannot read ${props.dataDir}: ${view.message}`
            : `Reading ${props.dataDir}…`}
        </Text>
      </ScreenFrame>
    );
  }
  const { summary } = view;
  const modelLines = tableLines(MODEL_HEADER, summary.models.map(modelRow));
  const workLines = tableLines(WORK_HEADER, summary.work.map(workRow));
  // Rows for the model table: what is left after the titles, the work table and the hints.
  const modelRows = Math.max(1, height - 8 - Math.min(workLines.length, 6));
  const firstShown = Math.min(
    Math.max(0, selected - modelRows + 1),
    Math.max(0, models.length - modelRows),
  );

  return (
    <ScreenFrame height={height} hints={HINTS}>
      <Text wrap="truncate-end">
        <Text bold>Data directory </Text>
        {summary.dataDir}
        {summary.exists ? "" : " (not created yet: training creates it)"}
      </Text>
      <Box flexDirection="column" marginTop={1}>
        <Text bold>{`Models (${summary.models.length})`}</Text>
        {summary.models.length === 0 ? (
          <Text dimColor>No models yet: press t to train one.</Text>
        ) : (
          <>
            <Text dimColor wrap="truncate-end">{`  ${modelLines[0]}`}</Text>
            {modelLines.slice(1 + firstShown, 1 + firstShown + modelRows).map((line, i) => {
              const isSelected = firstShown + i === selected;
              return (
                <Text
                  key={line}
                  wrap="truncate-end"
                  bold={isSelected}
                  color={isSelected ? theme.accent : undefined}
                >
                  {`${isSelected ? "›" : " "} ${line}`}
                </Text>
              );
            })}
          </>
        )}
        {summary.unreadable.map((u) => (
          <Text
            key={u.dir}
            color={theme.warning}
            wrap="truncate-end"
          >{`  unreadable: ${u.reason}`}</Text>
        ))}
      </Box>
      <Box flexDirection="column" marginTop={1}>
        <Text bold>{`Work folders (${summary.work.length})`}</Text>
        {summary.work.length === 0 ? (
          <Text dimColor>
            None: training makes one per phrase (synthetic clips, background, caches).
          </Text>
        ) : (
          workLines
            .slice(0, 6)
            .map((line, i) => (
              <Text key={line} dimColor={i === 0} wrap="truncate-end">{`  ${line}`}</Text>
            ))
        )}
      </Box>
    </ScreenFrame>
  );
}
