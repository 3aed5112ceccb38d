"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, api } from "../../../lib/client/api-client";
import { formatDuration, plural } from "../../../lib/format";
import { MAX_CLIPS_PER_KIND } from "../../../lib/synthesis/synthesis-request";
import type { SynthesisStatus } from "../../../lib/synthesis/synthesis-status";

/** How often the page asks for progress while a run goes on. */
const POLL_MILLIS = 600;

interface SynthesizeCardProps {
  readonly projectId: string;
  readonly phrase: string;
  /** The run going on (or last finished) when the page was served. */
  readonly initialRun: SynthesisStatus | null;
  /** Called once a run has ended and its clips are in the project. */
  readonly onFinished: () => void;
}

function outcomeText(run: SynthesisStatus): string {
  const added = `${plural(run.added.positive, "positive")} and ${plural(run.added.negative, "negative")}`;
  const failed = run.failed > 0 ? ` ${plural(run.failed, "clip")} could not be made.` : "";
  switch (run.state) {
    case "succeeded":
      return `Added ${added} in ${formatDuration(run.elapsedMs / 1000)}.${failed}`;
    case "cancelled":
      return `Cancelled; kept the ${added} made before.`;
    default:
      return `Synthesis failed: ${run.error ?? "unknown error"}`;
  }
}

/** Synthetic speech of the phrase (positives) and of phrases that sound like it (negatives). */
export function SynthesizeCard({ projectId, phrase, initialRun, onFinished }: SynthesizeCardProps) {
  const [positives, setPositives] = useState(50);
  const [negatives, setNegatives] = useState(50);
  const [run, setRun] = useState<SynthesisStatus | null>(initialRun);
  const [error, setError] = useState<string | undefined>(undefined);
  const [starting, setStarting] = useState(false);
  // The latest callback, read by the poller without restarting it.
  const finishedRef = useRef(onFinished);
  useEffect(() => {
    finishedRef.current = onFinished;
  }, [onFinished]);

  const running = run?.state === "running";

  const poll = useCallback(async () => {
    try {
      const latest = await api.synthesisStatus(projectId);
      setRun(latest);
      if (latest && latest.state !== "running") finishedRef.current();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    }
  }, [projectId]);

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void poll(), POLL_MILLIS);
    return () => clearInterval(timer);
  }, [running, poll]);

  async function start() {
    setStarting(true);
    setError(undefined);
    try {
      setRun(await api.startSynthesis(projectId, positives, negatives));
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    } finally {
      setStarting(false);
    }
  }

  async function cancel() {
    try {
      setRun(await api.cancelSynthesis(projectId));
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    }
  }

  const percent = run && run.total > 0 ? Math.round((100 * run.done) / run.total) : 0;
  const count = (value: string) =>
    Math.min(MAX_CLIPS_PER_KIND, Math.max(0, Math.floor(Number(value) || 0)));
  return (
    <section className="card" aria-labelledby="synth-title">
      <div className="card-head">
        <div>
          <h2 id="synth-title">Synthesize speech</h2>
          <p className="card-sub">
            &ldquo;{phrase}&rdquo; in many voices, speeds and pitches, and confusable phrases and
            everyday speech as negatives. Made on this server.
          </p>
        </div>
      </div>
      <div className="card-body">
        <div className="field-row">
          <label className="field">
            Positives
            <input
              className="input input-number"
              type="number"
              min={0}
              max={MAX_CLIPS_PER_KIND}
              value={positives}
              onChange={(e) => setPositives(count(e.target.value))}
              disabled={running}
              data-testid="synth-positives"
            />
          </label>
          <label className="field">
            Negatives
            <input
              className="input input-number"
              type="number"
              min={0}
              max={MAX_CLIPS_PER_KIND}
              value={negatives}
              onChange={(e) => setNegatives(count(e.target.value))}
              disabled={running}
              data-testid="synth-negatives"
            />
          </label>
          {running ? (
            <button
              className="button"
              type="button"
              onClick={() => void cancel()}
              data-testid="synth-cancel"
            >
              Cancel
            </button>
          ) : (
            <button
              className="button button-primary"
              type="button"
              onClick={() => void start()}
              disabled={starting || positives + negatives === 0}
              data-testid="synth-start"
            >
              {starting ? "Starting…" : "Synthesize"}
            </button>
          )}
        </div>
        {run ? (
          <div data-testid="synth-status" data-state={run.state}>
            {running ? (
              <>
                <div
                  className="progress"
                  role="progressbar"
                  aria-valuemin={0}
                  aria-valuemax={100}
                  aria-valuenow={percent}
                  aria-label="Synthesis progress"
                >
                  <span style={{ width: `${percent}%` }} />
                </div>
                <p className="hint" style={{ marginTop: 0 }}>
                  {run.done} of {run.total} clips
                  {run.etaMs !== null
                    ? ` · about ${formatDuration(Math.max(1, run.etaMs / 1000))} left`
                    : ""}
                  {` · ${run.engines.join(" and ")}`}
                </p>
              </>
            ) : (
              <p
                className={run.state === "failed" ? "alert" : "notice"}
                role="status"
                style={{ marginTop: 12 }}
              >
                {outcomeText(run)}
              </p>
            )}
          </div>
        ) : null}
        {error ? (
          <p className="alert" role="alert" style={{ marginTop: 12 }}>
            {error}
          </p>
        ) : null}
      </div>
    </section>
  );
}
