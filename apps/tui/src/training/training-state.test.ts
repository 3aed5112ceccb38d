import type { JobProgressEvent } from "@wakeforge/jobs";
import { describe, expect, it } from "vitest";
import {
  applyTrainingEnd,
  applyTrainingEvent,
  formatEpoch,
  initialTrainingState,
  isTrainingActive,
  markStopping,
} from "./training-state.js";

const start = initialTrainingState({ phrase: "hey nova", model: "/m", plannedEpochs: 3 });
const at = { jobId: "j", timeMs: 0 };
const fold = (events: JobProgressEvent[]) => events.reduce(applyTrainingEvent, start);

describe("training state", () => {
  it("follows the stage, never lets progress go back, and keeps each run's curve in epoch order", () => {
    const state = fold([
      { ...at, type: "stage", stage: "training" },
      { ...at, type: "progress", fraction: 0.6 },
      { ...at, type: "progress", fraction: 0.3 },
      { ...at, type: "epoch", run: "scratch", epoch: 2, metrics: { loss: 1, accuracy: 0.5 } },
      { ...at, type: "epoch", run: "scratch", epoch: 1, metrics: { loss: 2, accuracy: 0.4 } },
      { ...at, type: "epoch", run: "scratch", epoch: 1, metrics: { loss: 1.5, accuracy: 0.4 } },
    ]);
    expect(state).toMatchObject({ status: "running", stage: "training", fraction: 0.6 });
    expect(state.curves.scratch.map((p) => [p.epoch, p.loss])).toEqual([
      [1, 1.5],
      [2, 1],
    ]);
  });

  it("keeps the last 50 log lines, errors with their code, and drops debug lines", () => {
    const logs: JobProgressEvent[] = Array.from({ length: 60 }, (_, i) => ({
      ...at,
      type: "log",
      level: i === 59 ? "debug" : "info",
      message: `line ${i}`,
    }));
    const state = fold([...logs, { ...at, type: "error", code: "NO_VOICES", message: "none" }]);
    expect(state.log).toHaveLength(50);
    expect(state.log[0]?.message).toBe("line 10"); // 59 info lines and the error: the first 10 went
    expect(state.log.at(-1)).toEqual({ level: "error", message: "NO_VOICES: none" });
  });

  it("stops, ends and says which runs are active", () => {
    expect(isTrainingActive(start)).toBe(true);
    const stopping = markStopping(start);
    expect(stopping.status).toBe("stopping");
    expect(isTrainingActive(stopping)).toBe(true);
    expect(applyTrainingEnd(stopping, { outcome: "stopped" }).status).toBe("stopped");
    expect(applyTrainingEnd(start, { outcome: "completed", model: "/m" })).toMatchObject({
      status: "completed",
      fraction: 1,
    });
    const failed = applyTrainingEnd(start, { outcome: "failed", message: "boom" });
    expect(failed).toMatchObject({ status: "failed", error: "boom" });
    expect(isTrainingActive(failed)).toBe(false);
    expect(markStopping(failed)).toBe(failed);
  });

  it("formats an epoch as a line", () => {
    expect(
      formatEpoch("transfer", {
        epoch: 2,
        loss: 0.69876,
        accuracy: 0.6,
        recallAtFar: 0.5,
        valLoss: 0.7,
      }),
    ).toBe("transfer epoch 2: loss 0.6988  held-out loss 0.7000  recall 50.0 %");
  });
});
