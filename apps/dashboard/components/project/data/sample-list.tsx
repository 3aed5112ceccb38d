"use client";

import { useEffect, useRef, useState } from "react";
import { sampleMedia } from "../../../lib/client/api-client";
import type { Sample, SampleCounts, SampleLabel } from "../../../lib/store/types";
import { SampleRow } from "./sample-row";

/** Rows shown at first and added by "Show more": thumbnails are fetched per row. */
const PAGE_SIZE = 50;

type Filter = "all" | SampleLabel;

const FILTERS: readonly { filter: Filter; title: string }[] = [
  { filter: "all", title: "All" },
  { filter: "positive", title: "Positive" },
  { filter: "negative", title: "Negative" },
  { filter: "background", title: "Background" },
];

interface SampleListProps {
  readonly samples: readonly Sample[];
  readonly counts: SampleCounts;
  /** The sample being moved or deleted (its buttons wait). */
  readonly busyId: string | undefined;
  readonly onMove: (sample: Sample, label: SampleLabel) => void;
  readonly onDelete: (sample: Sample) => void;
}

/** The project's samples, filtered by label, each playable; one plays at a time. */
export function SampleList({ samples, counts, busyId, onMove, onDelete }: SampleListProps) {
  const [filter, setFilter] = useState<Filter>("all");
  const [shown, setShown] = useState(PAGE_SIZE);
  const [playing, setPlaying] = useState<string | undefined>(undefined);
  const player = useRef<HTMLAudioElement | null>(null);

  useEffect(() => {
    const audio = new Audio();
    audio.addEventListener("ended", () => setPlaying(undefined));
    player.current = audio;
    return () => {
      audio.pause();
      player.current = null;
    };
  }, []);

  function toggle(sample: Sample) {
    const audio = player.current;
    if (!audio) return;
    if (playing === sample.id) {
      audio.pause();
      setPlaying(undefined);
      return;
    }
    audio.src = sampleMedia.audio(sample.projectId, sample.id);
    setPlaying(sample.id);
    audio.play().catch(() => setPlaying(undefined));
  }

  const visible = filter === "all" ? samples : samples.filter((s) => s.label === filter);
  return (
    <section className="card" aria-labelledby="samples-title">
      <div className="card-head" style={{ paddingBottom: 6 }}>
        <div>
          <h2 id="samples-title">Samples</h2>
          <p className="card-sub">
            Listen to each one: a positive that does not say the phrase teaches the detector the
            wrong thing.
          </p>
        </div>
      </div>
      <div className="tabs tabs-filter" role="group" aria-label="Show">
        {FILTERS.map(({ filter: f, title }) => (
          <button
            key={f}
            type="button"
            aria-pressed={filter === f}
            onClick={() => {
              setFilter(f);
              setShown(PAGE_SIZE);
            }}
            data-testid={`filter-${f}`}
          >
            {title} ({f === "all" ? counts.total : counts[f].count})
          </button>
        ))}
      </div>
      {visible.length === 0 ? (
        <p className="card-body hint" data-testid="samples-empty">
          {samples.length === 0
            ? "No samples yet: record, upload or synthesize some above."
            : "No samples with this label."}
        </p>
      ) : (
        <ul className="sample-list" data-testid="sample-list">
          {visible.slice(0, shown).map((sample) => (
            <SampleRow
              key={sample.id}
              sample={sample}
              playing={playing === sample.id}
              busy={busyId === sample.id}
              onPlay={() => toggle(sample)}
              onMove={(label) => onMove(sample, label)}
              onDelete={() => onDelete(sample)}
            />
          ))}
        </ul>
      )}
      {visible.length > shown ? (
        <div className="list-more">
          <button className="button" type="button" onClick={() => setShown((n) => n + PAGE_SIZE)}>
            Show {Math.min(PAGE_SIZE, visible.length - shown)} more of {visible.length - shown}
          </button>
        </div>
      ) : null}
    </section>
  );
}
