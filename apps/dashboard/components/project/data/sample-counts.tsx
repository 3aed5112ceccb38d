import { formatSeconds, plural } from "../../../lib/format";
import type { LabelCount, SampleCounts as Counts, SampleLabel } from "../../../lib/store/types";

const LABELS: readonly { label: SampleLabel; title: string }[] = [
  { label: "positive", title: "Positive" },
  { label: "negative", title: "Negative" },
  { label: "background", title: "Background" },
];

function note(count: LabelCount): string {
  if (count.count === 0) return "none yet";
  const kinds = [
    count.real > 0 ? `${count.real} real` : "",
    count.synthesized > 0 ? `${count.synthesized} synthetic` : "",
  ].filter(Boolean);
  return `${kinds.join(" · ")} · ${formatSeconds(count.seconds)}`;
}

/** How much data each split has, real recordings apart from synthetic speech. */
export function SampleCounts({ counts }: { readonly counts: Counts }) {
  const seconds = counts.positive.seconds + counts.negative.seconds + counts.background.seconds;
  return (
    <div className="stats" data-testid="sample-counts">
      {LABELS.map(({ label, title }) => (
        <section className="card stat" key={label}>
          <div className="stat-label">{title}</div>
          <div className="stat-value" data-testid={`count-${label}`}>
            {counts[label].count}
          </div>
          <div className="stat-note">{note(counts[label])}</div>
        </section>
      ))}
      <section className="card stat">
        <div className="stat-label">All samples</div>
        <div className="stat-value" data-testid="count-total">
          {counts.total}
        </div>
        <div className="stat-note">
          {counts.total === 0
            ? "record, upload or synthesize below"
            : `${plural(counts.total, "clip")} · ${formatSeconds(seconds)}`}
        </div>
      </section>
    </div>
  );
}
