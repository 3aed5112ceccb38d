// Training without a screen (stdout is a pipe, a log, CI): the same run as the Train screen's,
// told as lines: each stage, each epoch, every 10 % of progress with the ETA, the log, the result.
import {
  createEtaEstimator,
  formatDuration,
  type JobProgressEvent,
  type TrainJobSpec,
} from "@wakeforge/jobs";
import type { Interrupts } from "../interrupts.js";
import type { TuiServices } from "../services.js";
import { formatEpoch } from "../training/training-state.js";
import { EXIT, type PlainIo } from "./plain-io.js";
import { summaryLines } from "./summary-lines.js";

const PROGRESS_STEP = 0.1;

/** Turns progress events into lines; progress at most once per 10 %. */
export function trainingEventLines(): (event: JobProgressEvent) => string[] {
  const eta = createEtaEstimator();
  let reported = -1;
  return (event) => {
    switch (event.type) {
      case "stage":
        return [`stage: ${event.stage}`];
      case "progress": {
        const left = eta.update(event.fraction, event.timeMs);
        const step = Math.floor(event.fraction / PROGRESS_STEP);
        if (step <= reported) return [];
        reported = step;
        const percent = `${Math.floor(event.fraction * 100)}%`.padStart(4);
        return [`[${percent}] ETA ${left === undefined ? "--" : formatDuration(left)}`];
      }
      case "epoch":
        return [formatEpoch(event.run, { ...event.metrics, epoch: event.epoch })];
      case "log":
        return event.level === "debug"
          ? []
          : [`${event.level === "info" ? "" : `${event.level}: `}${event.message}`];
      case "error":
        return [`error: ${event.code}: ${event.message}`];
      case "artifacts":
        return [];
    }
  };
}

export async function runPlainTraining(
  spec: TrainJobSpec,
  services: TuiServices,
  io: PlainIo,
  interrupts: Interrupts,
): Promise<number> {
  const say = (line: string) => io.stdout.write(`${line}\n`);
  const toLines = trainingEventLines();
  say(`training "${spec.word}" → ${spec.out}`);
  let run;
  try {
    run = await services.startTraining(spec, (event) => toLines(event).forEach(say));
  } catch (error) {
    io.stderr.write(`training failed: ${(error as Error).message}\n`);
    return EXIT.failure;
  }
  let stops = 0;
  const unsubscribe = interrupts.subscribe(() => {
    stops += 1;
    io.stderr.write(
      stops === 1
        ? "stopping: the worker stops at its next step and writes no model (interrupt again to kill it at once)\n"
        : "killing the worker\n",
    );
    run.stop();
  });
  const end = await run.finished;
  unsubscribe();
  switch (end.outcome) {
    case "completed":
      say(`done: ${end.model}`);
      for (const line of await summaryLines(services, end.model)) say(line);
      return EXIT.ok;
    case "stopped":
      io.stderr.write(`stopped: no model was written to ${spec.out}\n`);
      return EXIT.interrupted;
    case "failed":
      io.stderr.write(`training failed: ${end.message}\n`);
      return EXIT.failure;
  }
}
