// What a training run reports while it works. `wakeforge train` draws it as a progress bar with
// log lines; a queued job writes it as progress events (JSON lines) and heartbeats. Both see the
// same calls, so a job's log tells what the command would have printed.
import type { EpochMetrics, TrainingRunName } from "@wakeforge/core";
import type { JobStage } from "@wakeforge/jobs";
import type { ProgressSink } from "../progress/terminal-progress.js";

/** The parts of a run, in order; each owns a share of the whole run's progress. */
export type TrainingStep = "synth" | "background" | "negatives" | "training" | "evaluation";

export interface TrainingEpoch {
  readonly run: TrainingRunName;
  /** 1-based. */
  readonly epoch: number;
  readonly metrics: EpochMetrics;
}

export interface TrainingProgress {
  /** A stage of the job protocol begins (synthesizing, embedding, training, …). */
  stage(stage: JobStage): void;
  /** `fraction` of the whole run done (0..1) while in `step`, with an optional detail. */
  update(step: TrainingStep, fraction: number, detail?: string): void;
  /** A line worth keeping: what the data set holds, a skipped file, a warning. */
  log(line: string, level?: "info" | "warn"): void;
  /** One epoch of one of the runs (transfer, scratch, fine-tune) finished. */
  epoch(epoch: TrainingEpoch): void;
  /** Progress reporting ends; the model is written next. */
  done(): void;
}

/** How the terminal names each step, as `wakeforge train` always has. */
const STEP_LABELS: Readonly<Record<TrainingStep, string>> = {
  synth: "synthesizing speech",
  background: "generating background",
  negatives: "generating negative audio",
  training: "training",
  evaluation: "evaluating",
};

export function formatEpochLine({ run, epoch, metrics }: TrainingEpoch): string {
  return `${run.padEnd(8)} epoch ${String(epoch).padStart(2)}: loss ${metrics.loss.toFixed(4)}  accuracy ${metrics.accuracy.toFixed(3)}  held-out recall ${metrics.recallAtFar.toFixed(3)}`;
}

/** Training progress on a progress bar (or plain lines, or nothing for --json). */
export function terminalTrainingProgress(sink: ProgressSink): TrainingProgress {
  return {
    stage() {},
    update: (step, fraction, detail) => sink.update(STEP_LABELS[step], fraction, detail),
    log: (line) => sink.log(line),
    epoch: (epoch) => sink.log(formatEpochLine(epoch)),
    done: () => sink.done(),
  };
}
