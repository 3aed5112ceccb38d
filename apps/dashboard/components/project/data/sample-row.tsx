import { sampleMedia } from "../../../lib/client/api-client";
import { formatSeconds } from "../../../lib/format";
import type { Sample, SampleLabel } from "../../../lib/store/types";

interface SampleRowProps {
  readonly sample: Sample;
  readonly playing: boolean;
  readonly busy: boolean;
  readonly onPlay: () => void;
  readonly onMove: (label: SampleLabel) => void;
  readonly onDelete: () => void;
}

/** What the sample is, in a line: the words of synthetic speech, else the file it came from. */
function titleOf(sample: Sample): string {
  if (sample.source === "synthesized" && sample.text) return `“${sample.text}”`;
  if (sample.originalName) return sample.originalName;
  return sample.source === "recorded" ? "Recording" : "Upload";
}

function originOf(sample: Sample): string {
  switch (sample.source) {
    case "synthesized":
      return [sample.engine, sample.voice].filter(Boolean).join(" · ");
    case "recorded":
      return "recorded here";
    default:
      return sample.originalFormat && sample.originalSampleRateHz
        ? `uploaded ${sample.originalFormat.toUpperCase()}, ${(sample.originalSampleRateHz / 1000).toFixed(1)} kHz`
        : "uploaded";
  }
}

/** positive ⇄ negative; background can be moved to negative. */
function moveTarget(label: SampleLabel): SampleLabel {
  return label === "negative" ? "positive" : "negative";
}

export function SampleRow({ sample, playing, busy, onPlay, onMove, onDelete }: SampleRowProps) {
  const target = moveTarget(sample.label);
  return (
    <li
      className="sample-row"
      data-testid="sample-row"
      data-sample-id={sample.id}
      data-label={sample.label}
    >
      <button
        className="button play"
        type="button"
        onClick={onPlay}
        aria-label={playing ? "Stop" : "Play"}
        data-testid="sample-play"
        data-playing={playing}
      >
        {playing ? (
          <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
            <rect x="1" y="1" width="10" height="10" rx="1.5" fill="currentColor" />
          </svg>
        ) : (
          <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
            <path d="M2.5 1.2v9.6L10.6 6z" fill="currentColor" />
          </svg>
        )}
      </button>
      {/* Server-drawn thumbnails: plain images, cached for good (a sample's audio never changes). */}
      <img
        className="thumb"
        src={sampleMedia.waveform(sample.projectId, sample.id)}
        alt=""
        loading="lazy"
        data-testid="sample-waveform"
      />
      <img
        className="thumb thumb-mel"
        src={sampleMedia.logMel(sample.projectId, sample.id)}
        alt=""
        loading="lazy"
        data-testid="sample-log-mel"
      />
      <div style={{ minWidth: 0 }}>
        <div className="sample-title" title={titleOf(sample)}>
          {titleOf(sample)}
        </div>
        <div className="sample-meta">
          <span className={`badge badge-${sample.label}`}>{sample.label}</span>
          <span>{formatSeconds(sample.durationSeconds)}</span>
          <span>·</span>
          <span>{originOf(sample)}</span>
        </div>
      </div>
      <div className="actions">
        <button
          className="button button-small"
          type="button"
          onClick={() => onMove(target)}
          disabled={busy}
          data-testid="sample-move"
        >
          Move to {target}
        </button>
        <button
          className="button button-small button-quiet danger"
          type="button"
          onClick={onDelete}
          disabled={busy}
          aria-label={`Delete ${titleOf(sample)}`}
          data-testid="sample-delete"
        >
          Delete
        </button>
      </div>
    </li>
  );
}
