import { ProgressBar, timeLeftText } from "../../progress-bar";
import type { TrainingRun } from "./use-browser-training";

/** What the run is doing, in words, with the epoch where there is one. */
function stepText(run: TrainingRun): string {
  const epochs = run.settings?.epochs ?? 0;
  switch (run.step) {
    case "backend":
      return "Starting TensorFlow.js";
    case "base":
      return "Loading the pre-trained base network";
    case "audio":
      return `Fetching the clips${run.detail ? ` (${run.detail})` : ""}`;
    case "augmenting":
      return "Holding out voices and augmenting the positives";
    case "embedding":
      return "Computing embeddings with the base network";
    case "training":
      return run.transfer.length < epochs
        ? `Training the head on the frozen base · epoch ${run.transfer.length + 1} of ${epochs}`
        : `Training the same network from scratch · epoch ${Math.min(epochs, run.scratch.length + 1)} of ${epochs}`;
    case "evaluating":
      return "Comparing the curves";
    default:
      return "Starting";
  }
}

interface TrainingProgressProps {
  readonly run: TrainingRun;
  readonly onCancel: () => void;
}

/** The live state of a run: what it does, how far it is, the time left, and Cancel. */
export function TrainingProgress({ run, onCancel }: TrainingProgressProps) {
  const percent = Math.round(run.fraction * 100);
  const saving = run.status === "saving";
  return (
    <div data-testid="training-progress" data-status={run.status}>
      <div className="actions" style={{ justifyContent: "space-between" }}>
        <span data-testid="training-step">
          {saving ? "Saving the model on the server" : stepText(run)}
        </span>
        {run.status === "running" ? (
          <button
            className="button button-small"
            type="button"
            onClick={onCancel}
            disabled={run.cancelling}
            data-testid="training-cancel"
          >
            {run.cancelling ? "Stopping…" : "Cancel"}
          </button>
        ) : null}
      </div>
      <ProgressBar fraction={run.fraction} label="Training progress" />
      <p className="hint" style={{ marginTop: 0 }} data-testid="training-eta">
        {percent} %{run.status === "running" ? timeLeftText(run.etaSeconds) : ""}
        {run.backend ? ` · TensorFlow.js on ${run.backend.backend}` : ""}
      </p>
    </div>
  );
}
