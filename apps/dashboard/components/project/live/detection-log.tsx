import Link from "next/link";
import { formatScore } from "../../../lib/live/score-chart";
import type { Correction } from "./use-corrections";
import type { LiveDetection } from "./use-live-detector";

interface DetectionLogProps {
  readonly projectId: string;
  /** Newest first. */
  readonly detections: readonly LiveDetection[];
  readonly corrections: ReadonlyMap<number, Correction>;
  readonly onFalseWake: (detection: LiveDetection) => void;
}

function CorrectionCell({
  projectId,
  correction,
  onClick,
}: {
  readonly projectId: string;
  readonly correction: Correction | undefined;
  readonly onClick: () => void;
}) {
  if (correction?.status === "saved") {
    return (
      <span className="badge badge-negative" data-testid="false-wake-saved">
        kept as a negative ({correction.seconds.toFixed(1)} s) ·{" "}
        <Link href={`/projects/${projectId}`}>Data</Link>
      </span>
    );
  }
  return (
    <>
      <button
        className="button button-small"
        type="button"
        onClick={onClick}
        disabled={correction?.status === "saving"}
        data-testid="false-wake"
        title="Keep the audio around this detection as a negative sample"
      >
        {correction?.status === "saving" ? "Saving…" : "That was not the phrase"}
      </button>
      {correction?.status === "failed" ? (
        <div className="muted" role="alert" data-testid="false-wake-error">
          Not saved: {correction.message}
        </div>
      ) : null}
    </>
  );
}

/** Every detection of this visit, newest first, each with a way to say it was wrong. */
export function DetectionLog({
  projectId,
  detections,
  corrections,
  onFalseWake,
}: DetectionLogProps) {
  if (detections.length === 0) {
    return (
      <p className="hint" data-testid="detection-log-empty" style={{ margin: 0 }}>
        No detection yet. Say the phrase; each detection appears here with its score.
      </p>
    );
  }
  return (
    <table className="data" data-testid="detection-log">
      <thead>
        <tr>
          <th>#</th>
          <th>Heard at</th>
          <th>Score</th>
          <th>Threshold</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {detections.map((detection) => (
          <tr
            key={detection.id}
            data-testid="detection-row"
            data-detection-id={detection.id}
            data-time={detection.timeSeconds.toFixed(2)}
            data-score={detection.score}
            data-threshold={detection.threshold}
          >
            <td>{detection.id}</td>
            <td className="nowrap">
              <time dateTime={detection.at}>{new Date(detection.at).toLocaleTimeString()}</time>
              <div className="muted">{detection.timeSeconds.toFixed(2)} s into listening</div>
            </td>
            <td className="mono" data-testid="detection-score">
              {formatScore(detection.score)}
            </td>
            <td className="mono">{formatScore(detection.threshold)}</td>
            <td>
              <CorrectionCell
                projectId={projectId}
                correction={corrections.get(detection.id)}
                onClick={() => onFalseWake(detection)}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
