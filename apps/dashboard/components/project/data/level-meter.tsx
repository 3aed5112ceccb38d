import { FLOOR_DB } from "../../../lib/recording/levels";

/** The range the bar spans: quieter than −60 dBFS reads as nothing. */
const RANGE_DB = 60;

/** The input level as a bar and a number, with a warning colour near clipping. */
export function LevelMeter({ levelDb }: { readonly levelDb: number }) {
  const fraction = Math.min(1, Math.max(0, (levelDb + RANGE_DB) / RANGE_DB));
  return (
    <div className="meter-row">
      <div
        className="meter"
        role="meter"
        aria-label="Input level"
        aria-valuemin={-RANGE_DB}
        aria-valuemax={0}
        aria-valuenow={Math.round(levelDb)}
        data-testid="level-meter"
      >
        <span style={{ width: `${(fraction * 100).toFixed(1)}%` }} />
      </div>
      <span>{levelDb <= FLOOR_DB ? "−∞ dB" : `${Math.round(levelDb)} dB`}</span>
    </div>
  );
}
