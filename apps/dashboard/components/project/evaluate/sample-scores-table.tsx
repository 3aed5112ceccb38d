import type { ScoredSample } from "../../../lib/evaluation/evaluation-types";
import { PlayButton } from "./play-button";

interface SampleScoresTableProps {
  readonly samples: readonly ScoredSample[];
  readonly threshold: number;
  readonly playing: string | undefined;
  readonly onPlay: (sampleId: string) => void;
}

function outcome(sample: ScoredSample): { text: string; badge: string } {
  if (sample.label === "positive") {
    return sample.detected
      ? { text: "caught", badge: "badge badge-ok" }
      : { text: "missed", badge: "badge badge-bad" };
  }
  return sample.detected
    ? { text: "false accept", badge: "badge badge-bad" }
    : { text: "quiet", badge: "badge badge-ok" };
}

/**
 * Every held-out clip's best score, worst mistakes first: missed positives from the lowest
 * score up and negatives that fired from the highest down, then the near misses.
 */
export function SampleScoresTable({ samples, threshold, playing, onPlay }: SampleScoresTableProps) {
  return (
    <div className="table-wrap">
      <table className="data" data-testid="score-table">
        <thead>
          <tr>
            <th />
            <th>Clip</th>
            <th>Label</th>
            <th>Best score</th>
            <th>At {threshold.toFixed(3)}</th>
          </tr>
        </thead>
        <tbody>
          {samples.map((sample) => {
            const result = outcome(sample);
            return (
              <tr
                key={sample.sampleId}
                data-testid="score-row"
                data-sample-id={sample.sampleId}
                data-label={sample.label}
                data-score={sample.maxScore}
                data-mistake={sample.margin < 0}
              >
                <td>
                  <PlayButton
                    playing={playing === sample.sampleId}
                    label={sample.description ?? sample.sampleId}
                    onClick={() => onPlay(sample.sampleId)}
                  />
                </td>
                <td>
                  {sample.description ?? <span className="muted">{sample.sampleId}</span>}
                  <div className="muted">
                    {sample.source}
                    {sample.voice ? ` · ${sample.voice}` : ""}
                  </div>
                </td>
                <td>
                  <span className={`badge badge-${sample.label}`}>{sample.label}</span>
                </td>
                <td className="mono" data-testid="score-value">
                  {sample.maxScore.toFixed(3)}
                </td>
                <td>
                  <span className={result.badge}>{result.text}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
