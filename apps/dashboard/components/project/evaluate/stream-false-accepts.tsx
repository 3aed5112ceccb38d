import type { StreamFalseAccept } from "../../../lib/evaluation/evaluation-types";
import { PlayButton } from "./play-button";

interface StreamFalseAcceptsProps {
  readonly falseAccepts: readonly StreamFalseAccept[];
  readonly playing: string | undefined;
  readonly onPlay: (sampleId: string) => void;
}

/** Where the detector fired in the streamed negative audio, traced back to the clip. */
export function StreamFalseAccepts({ falseAccepts, playing, onPlay }: StreamFalseAcceptsProps) {
  if (falseAccepts.length === 0) {
    return (
      <p className="hint" data-testid="stream-false-accepts-none">
        No false accept in the streamed negative audio at this threshold.
      </p>
    );
  }
  return (
    <ul className="stream-false-accepts" data-testid="stream-false-accepts">
      {falseAccepts.map((fa, i) => (
        <li
          key={`${fa.sampleId}-${i}`}
          data-testid="stream-false-accept"
          data-sample-id={fa.sampleId}
        >
          <PlayButton
            playing={playing === fa.sampleId}
            label={`the clip that fired at ${fa.atSeconds.toFixed(2)} s`}
            onClick={() => onPlay(fa.sampleId)}
          />
          <span>
            fired {fa.atSeconds.toFixed(2)} s after the start of{" "}
            {fa.stream === "noise" ? "background clip" : "negative clip"}{" "}
            {fa.description ? (
              <q>{fa.description}</q>
            ) : (
              <span className="mono muted">{fa.sampleId}</span>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}
