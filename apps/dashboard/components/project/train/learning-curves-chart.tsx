import type { EpochMetrics } from "@wakeforge/core/browser";
import { curveChart, type CurveMetric } from "../../../lib/training/curve-chart";

const WIDTH = 420;
const HEIGHT = 230;

/** Transfer solid, scratch dashed: the colours and strokes of core's learning-curves SVG. */
const STYLE = {
  transfer: { color: "#2563eb", dash: undefined, label: "transfer (pre-trained base)" },
  scratch: { color: "#ea580c", dash: "6 4", label: "from scratch (same network, same data)" },
} as const;

interface CurvePanelProps {
  readonly metric: CurveMetric;
  readonly title: string;
  readonly transfer: readonly EpochMetrics[];
  readonly scratch: readonly EpochMetrics[] | undefined;
  readonly epochs: number;
}

function CurvePanel({ metric, title, transfer, scratch, epochs }: CurvePanelProps) {
  const chart = curveChart({
    transfer,
    ...(scratch ? { scratch } : {}),
    metric,
    epochs,
    width: WIDTH,
    height: HEIGHT,
  });
  const { plot } = chart;
  return (
    <figure className="chart" data-testid={`curves-${metric}`}>
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${title} per epoch`}>
        {chart.yTicks.map((tick) => (
          <g key={`y${tick.value}`}>
            <line className="chart-grid" x1={plot.left} x2={plot.right} y1={tick.at} y2={tick.at} />
            <text className="chart-tick" x={plot.left - 6} y={tick.at + 4} textAnchor="end">
              {tick.label}
            </text>
          </g>
        ))}
        {chart.xTicks.map((tick) => (
          <text
            key={`x${tick.value}`}
            className="chart-tick"
            x={tick.at}
            y={plot.bottom + 16}
            textAnchor="middle"
          >
            {tick.label}
          </text>
        ))}
        <text
          className="chart-tick"
          x={(plot.left + plot.right) / 2}
          y={HEIGHT - 2}
          textAnchor="middle"
        >
          epoch
        </text>
        <line
          className="chart-axis"
          x1={plot.left}
          x2={plot.right}
          y1={plot.bottom}
          y2={plot.bottom}
        />
        {chart.series.map((series) => (
          <g
            key={series.run}
            data-testid={`curve-${series.run}`}
            data-points={series.points.length}
          >
            <path
              d={series.path}
              fill="none"
              stroke={STYLE[series.run].color}
              strokeWidth={2.2}
              strokeDasharray={STYLE[series.run].dash}
            />
            {series.points.map((point) => (
              <circle
                key={point.epoch}
                cx={point.x}
                cy={point.y}
                r={3}
                fill={STYLE[series.run].color}
              >
                <title>{`${series.run}, epoch ${point.epoch}: ${point.value.toFixed(3)}`}</title>
              </circle>
            ))}
          </g>
        ))}
      </svg>
    </figure>
  );
}

interface LearningCurvesChartProps {
  readonly transfer: readonly EpochMetrics[];
  /** Undefined when the run trains transfer only. */
  readonly scratch: readonly EpochMetrics[] | undefined;
  readonly epochs: number;
  /** The clip false-accept rate recall is measured at, e.g. 0.05. */
  readonly falseAcceptRate: number;
}

/**
 * Held-out recall at a fixed false-accept rate and held-out loss, per epoch, for the head on
 * the pre-trained base and the same network from scratch: drawn as each epoch finishes.
 */
export function LearningCurvesChart({
  transfer,
  scratch,
  epochs,
  falseAcceptRate,
}: LearningCurvesChartProps) {
  return (
    <div data-testid="learning-curves">
      <div className="chart-legend">
        {(scratch ? (["transfer", "scratch"] as const) : (["transfer"] as const)).map((run) => (
          <span key={run}>
            <svg width="28" height="8" aria-hidden="true">
              <line
                x1="0"
                x2="28"
                y1="4"
                y2="4"
                stroke={STYLE[run].color}
                strokeWidth="2.5"
                strokeDasharray={STYLE[run].dash}
              />
            </svg>
            {STYLE[run].label}
          </span>
        ))}
      </div>
      <div className="chart-pair">
        <CurvePanel
          metric="recallAtFar"
          title={`Held-out recall at ${Math.round(falseAcceptRate * 100)} % false accepts (higher is better)`}
          transfer={transfer}
          scratch={scratch}
          epochs={epochs}
        />
        <CurvePanel
          metric="valLoss"
          title="Held-out loss (lower is better)"
          transfer={transfer}
          scratch={scratch}
          epochs={epochs}
        />
      </div>
    </div>
  );
}
