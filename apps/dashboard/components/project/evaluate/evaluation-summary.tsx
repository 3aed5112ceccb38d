import {
  STREAMED_FILE_SECONDS,
  type EvaluationReport,
} from "../../../lib/evaluation/evaluation-types";
import { formatSeconds, plural } from "../../../lib/format";

const percent = (x: number) => (Number.isFinite(x) ? `${Math.round(100 * x)} %` : "–");

function perHour(value: number, hours: number): string {
  if (hours <= 0) return "–";
  return value >= 10 ? value.toFixed(0) : value.toFixed(2);
}

/** The operating point in four numbers, and in words what set the threshold and what was left out. */
export function EvaluationSummary({ report }: { readonly report: EvaluationReport }) {
  const { recall, falseAccepts, leftOut } = report;
  const streamed = report.streamSeconds.speech + report.streamSeconds.noise;
  return (
    <div data-testid="evaluation-summary">
      <div className="stats">
        <div className="card stat">
          <div className="stat-label">Threshold</div>
          <div className="stat-value" data-testid="evaluation-threshold">
            {report.threshold.toFixed(3)}
          </div>
          <div className="stat-note">
            {report.thresholdSource === "model" ? "calibrated in training" : "calibrated here"}
          </div>
        </div>
        <div className="card stat">
          <div className="stat-label">Recall</div>
          <div className="stat-value" data-testid="evaluation-recall">
            {percent(recall.recall)}
          </div>
          <div className="stat-note">
            {recall.detected} of {recall.total} held-out positives caught
          </div>
        </div>
        <div className="card stat">
          <div className="stat-label">False accepts / hour</div>
          <div className="stat-value" data-testid="evaluation-fa-per-hour">
            {perHour(falseAccepts.perHour, falseAccepts.hours)}
          </div>
          <div className="stat-note">
            {falseAccepts.count} in {formatSeconds(streamed)} of streamed negatives
          </div>
        </div>
        <div className="card stat">
          <div className="stat-label">Negative clips firing</div>
          <div className="stat-value" data-testid="evaluation-negatives-fired">
            {report.negativeClipsFired.fired} / {report.negativeClipsFired.total}
          </div>
          <div className="stat-note">held-out negatives, one by one</div>
        </div>
      </div>
      <dl className="facts" data-testid="evaluation-facts">
        <dt>What set the threshold</dt>
        <dd data-testid="evaluation-threshold-source">{report.thresholdSetBy}</dd>
        <dt>Held out</dt>
        <dd>
          {plural(recall.total, "positive")} and{" "}
          {plural(report.negativeClipsFired.total, "negative")} from{" "}
          {plural(report.heldOutVoices, "voice")} the model never trained on
          {Object.entries(report.recallBySource).map(([source, r]) => (
            <span key={source} className="muted">
              {" "}
              · {source}: {r.detected} of {r.total} caught
            </span>
          ))}
        </dd>
        <dt>Streamed as long audio</dt>
        <dd>
          {formatSeconds(report.streamSeconds.speech)} of held-out negative speech,{" "}
          {formatSeconds(report.streamSeconds.noise)} of background added after training; short
          clips are joined between {formatSeconds(report.streamRoomTone.beforeSeconds)} and{" "}
          {formatSeconds(report.streamRoomTone.afterSeconds)} of room tone, so the first and last
          are heard whole, and recordings of {STREAMED_FILE_SECONDS} s or more are streamed from
          their files; {report.refractorySeconds} s refractory period after each false accept
        </dd>
        <dt>Left out</dt>
        <dd data-testid="evaluation-left-out">
          {plural(leftOut.trainedVoices, "clip")} by voices it trained on
          {leftOut.backgroundHeard > 0
            ? `, ${plural(leftOut.backgroundHeard, "background clip")} mixed into its training (add background after training to measure it on unheard noise)`
            : ""}
        </dd>
        <dt>Took</dt>
        <dd>
          {formatSeconds(report.wallSeconds)} for {formatSeconds(report.audioSeconds)} of audio
        </dd>
      </dl>
    </div>
  );
}
