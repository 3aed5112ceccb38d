import { Box, Text } from "ink";
import { plot, type PlotOptions, type PlotRun, type PlotSeries } from "../chart/plot.js";
import { useTheme } from "../use-theme.js";

export interface ChartProps {
  readonly title: string;
  readonly series: readonly PlotSeries[];
  readonly options: PlotOptions;
  /** Extra legend entries after the series' own (a marked point, a guide line). */
  readonly legend?: readonly string[];
}

function RunText({ run }: { readonly run: PlotRun }) {
  const theme = useTheme();
  if (run.owner === "axis" || run.owner === "guide") return <Text dimColor>{run.text}</Text>;
  if (run.owner === "mark")
    return (
      <Text color={theme.mark} bold>
        {run.text}
      </Text>
    );
  if (run.owner === "empty") return <Text>{run.text}</Text>;
  return <Text color={theme.series[run.owner]}>{run.text}</Text>;
}

/** A titled character chart with its legend; nothing when there is no room to draw it. */
export function Chart({ title, series, options, legend = [] }: ChartProps) {
  const theme = useTheme();
  const rows = plot(series, options);
  if (rows.length === 0) return null;
  return (
    <Box flexDirection="column" width={Math.floor(options.width)}>
      <Text bold wrap="truncate">
        {title}
      </Text>
      {rows.map((runs, r) => (
        <Text key={r} wrap="truncate">
          {runs.map((run, i) => (
            <RunText key={i} run={run} />
          ))}
        </Text>
      ))}
      <Text wrap="truncate">
        {series.map((s, i) => (
          <Text key={s.name}>
            <Text color={theme.series[i]}>{s.glyph}</Text>
            {` ${s.name}  `}
          </Text>
        ))}
        {legend.join("  ")}
      </Text>
    </Box>
  );
}
