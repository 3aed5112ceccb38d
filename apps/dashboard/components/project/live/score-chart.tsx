"use client";

import { useRef, type KeyboardEvent, type PointerEvent } from "react";
import {
  CHART_SPAN_SECONDS,
  clampThreshold,
  formatScore,
  scorePath,
  scoreToY,
  timeToX,
  yToThreshold,
  type ChartFrame,
  type ScorePoint,
} from "../../../lib/live/score-chart";

const WIDTH = 760;
const HEIGHT = 220;
/** Room for the score ticks on the left and the time label below. */
const PLOT = { left: 36, top: 8, width: WIDTH - 44, height: HEIGHT - 30 } as const;
const TICKS = [0, 0.25, 0.5, 0.75, 1];

interface ScoreChartProps {
  readonly points: readonly ScorePoint[];
  readonly nowSeconds: number;
  readonly threshold: number;
  readonly onThreshold: (threshold: number) => void;
  /** Stream times of detections, marked where they are still in view. */
  readonly detections: readonly number[];
}

/**
 * The last ten seconds of scores scrolling right to left, with the threshold as a line a person
 * drags (or moves with the arrow keys: it is a slider).
 */
export function ScoreChart({
  points,
  nowSeconds,
  threshold,
  onThreshold,
  detections,
}: ScoreChartProps) {
  const plot = useRef<SVGRectElement>(null);
  const frame: ChartFrame = {
    width: PLOT.width,
    height: PLOT.height,
    spanSeconds: CHART_SPAN_SECONDS,
    nowSeconds: Math.max(nowSeconds, CHART_SPAN_SECONDS),
  };
  const thresholdY = scoreToY(threshold, PLOT.height);
  const latest = points[points.length - 1];

  const thresholdAt = (event: PointerEvent) => {
    const box = plot.current?.getBoundingClientRect();
    if (!box || box.height <= 0) return;
    onThreshold(yToThreshold(((event.clientY - box.top) / box.height) * PLOT.height, PLOT.height));
  };
  const onKey = (event: KeyboardEvent) => {
    const step = event.shiftKey ? 0.1 : 0.01;
    if (event.key === "ArrowUp") onThreshold(clampThreshold(threshold + step));
    else if (event.key === "ArrowDown") onThreshold(clampThreshold(threshold - step));
    else return;
    event.preventDefault();
  };

  return (
    <figure className="chart live-chart" data-testid="score-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label="Detector score over the last ten seconds, with the threshold"
      >
        <g transform={`translate(${PLOT.left} ${PLOT.top})`}>
          {TICKS.map((tick) => (
            <g key={tick}>
              <line
                className="chart-grid"
                x1={0}
                x2={PLOT.width}
                y1={scoreToY(tick, PLOT.height)}
                y2={scoreToY(tick, PLOT.height)}
              />
              <text
                className="chart-tick"
                x={-6}
                y={scoreToY(tick, PLOT.height) + 4}
                textAnchor="end"
              >
                {tick}
              </text>
            </g>
          ))}
          <rect ref={plot} width={PLOT.width} height={PLOT.height} fill="transparent" />
          {detections
            .map((time) => timeToX(time, frame))
            .filter((x) => x >= 0 && x <= PLOT.width)
            .map((x) => (
              <line
                key={x}
                className="live-detection-mark"
                x1={x}
                x2={x}
                y1={0}
                y2={PLOT.height}
                data-testid="chart-detection"
              />
            ))}
          <path
            className="live-score-line"
            d={scorePath(points, frame)}
            data-testid="score-line"
            data-points={points.length}
            data-latest={latest?.score.toFixed(4)}
          />
          <g
            className="live-threshold"
            role="slider"
            tabIndex={0}
            aria-label="Threshold"
            aria-valuemin={0}
            aria-valuemax={1}
            aria-valuenow={threshold}
            data-testid="threshold-line"
            data-y={thresholdY.toFixed(1)}
            onKeyDown={onKey}
            onPointerDown={(event) => {
              event.currentTarget.setPointerCapture(event.pointerId);
              thresholdAt(event);
            }}
            onPointerMove={(event) => {
              if (event.currentTarget.hasPointerCapture(event.pointerId)) thresholdAt(event);
            }}
          >
            {/* A wide invisible band, so the thin line is easy to grab. */}
            <rect x={0} y={thresholdY - 8} width={PLOT.width} height={16} fill="transparent" />
            <line x1={0} x2={PLOT.width} y1={thresholdY} y2={thresholdY} />
            <text x={PLOT.width - 4} y={thresholdY - 6} textAnchor="end">
              threshold {formatScore(threshold)}
            </text>
          </g>
        </g>
        <text className="chart-tick" x={PLOT.left} y={HEIGHT - 4}>
          −{CHART_SPAN_SECONDS} s
        </text>
        <text className="chart-tick" x={PLOT.left + PLOT.width} y={HEIGHT - 4} textAnchor="end">
          now
        </text>
      </svg>
    </figure>
  );
}
