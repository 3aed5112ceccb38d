import type { TrainingOutcome } from "../../../lib/training/training-protocol";
import { verdictKind } from "../../../lib/training/training-record";
import { formatDuration } from "../../../lib/format";

const percent = (x: number) => `${(100 * x).toFixed(0)} %`;

/**
 * What the run concluded: whether transfer beat training from scratch (start, slope, end, as
 * compareLearningCurves judges them), a plain warning on negative transfer, and the threshold.
 */
export function VerdictPanel({ outcome }: { readonly outcome: TrainingOutcome }) {
  const { verdict } = outcome;
  const kind = verdict ? verdictKind(verdict) : undefined;
  const far = percent(outcome.falseAcceptRate);
  return (
    <div data-testid="training-verdict" data-verdict={kind ?? "transfer-only"}>
      {kind === "negative-transfer" ? (
        <p className="alert" role="alert">
          {verdict?.warning}
        </p>
      ) : kind ? (
        <p className="notice" role="status">
          {kind === "transfer-helped"
            ? "Transfer helped: the pre-trained base started higher, climbed faster and ended higher than training from scratch."
            : `Transfer did not win on all three points${verdict?.overtakesAtEpoch ? ` (it pulled ahead at epoch ${verdict.overtakesAtEpoch})` : ""}: compare the curves, and try more epochs or more data.`}
        </p>
      ) : (
        <p className="notice" role="status">
          Trained with transfer only; train with the comparison to see what the pre-trained base
          bought.
        </p>
      )}
      {verdict ? <pre className="verdict-summary">{verdict.summary}</pre> : null}
      <dl className="facts">
        <dt>Held-out recall</dt>
        <dd data-testid="verdict-recall">
          {percent(outcome.recallAtFar)} at {far} false accepts
          {outcome.recallBySource.recorded !== undefined
            ? ` (your recordings ${percent(outcome.recallBySource.recorded)})`
            : ""}
        </dd>
        <dt>Threshold</dt>
        <dd data-testid="verdict-threshold">
          {outcome.threshold.toFixed(3)}, set on held-out negative clips of voices never trained on
        </dd>
        <dt>Detector</dt>
        <dd>
          {outcome.ensembleSize === 1
            ? "one head"
            : `the average of ${outcome.ensembleSize} heads (the curves show the first)`}
        </dd>
        <dt>Time</dt>
        <dd>
          {formatDuration(outcome.seconds)} on {outcome.backend}
        </dd>
      </dl>
      {outcome.recallBySource.recorded === undefined ? (
        <p className="hint">
          Held-out voices were all synthetic: real voices usually score lower. Record a few takes of
          your own to measure them.
        </p>
      ) : null}
    </div>
  );
}
