"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { api, errorMessage } from "../../../lib/client/api-client";
import { formatDuration, plural } from "../../../lib/format";
import { MAX_CLIPS_PER_KIND } from "../../../lib/synthesis/synthesis-request";
import type { SynthesisStatus } from "../../../lib/synthesis/synthesis-status";
import { Card } from "../../card";
import { Message } from "../../message";
import { NumberField } from "../../number-field";
import { ProgressBar, timeLeftText } from "../../progress-bar";

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
      setError(errorMessage(failure));
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
      setError(errorMessage(failure));
    } finally {
      setStarting(false);
    }
  }

  async function cancel() {
    try {
      setRun(await api.cancelSynthesis(projectId));
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }

  return (
    <Card
      titleId="synth-title"
      title="Synthesize speech"
      sub={
        <>
          &ldquo;{phrase}&rdquo; in many voices, speeds and pitches, and confusable phrases and
          everyday speech as negatives. Made on this server.
        </>
      }
    >
      <div className="card-body">
        <div className="field-row">
          <NumberField
            label="Positives"
            min={0}
            max={MAX_CLIPS_PER_KIND}
            value={positives}
            onChange={setPositives}
            disabled={running}
            testId="synth-positives"
          />
          <NumberField
            label="Negatives"
            min={0}
            max={MAX_CLIPS_PER_KIND}
            value={negatives}
            onChange={setNegatives}
            disabled={running}
            testId="synth-negatives"
          />
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
                <ProgressBar
                  fraction={run.total > 0 ? run.done / run.total : 0}
                  label="Synthesis progress"
                />
                <p className="hint" style={{ marginTop: 0 }}>
                  {run.done} of {run.total} clips
                  {timeLeftText(run.etaMs === null ? null : run.etaMs / 1000)}
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
        {error ? <Message kind="error">{error}</Message> : null}
      </div>
    </Card>
  );
}
