import { parseProgressEvent, type JobProgressEvent } from "@wakeforge/jobs";
import { describe, expect, it } from "vitest";
import { createJobReporter, jobTrainingProgress } from "./job-reporter.js";

function recorder() {
  const events: JobProgressEvent[] = [];
  let clock = 1_000;
  const reporter = createJobReporter(
    "job-1",
    (event) => events.push(event),
    () => clock,
  );
  return { events, reporter, tick: (ms: number) => (clock += ms) };
}

describe("job reporter", () => {
  it("writes events of the progress protocol, each with the job id and time", () => {
    const { events, reporter } = recorder();
    const training = jobTrainingProgress(reporter);
    training.stage("training");
    training.update("training", 0.5, "detail");
    training.epoch({
      run: "transfer",
      epoch: 1,
      metrics: {
        epoch: 1,
        loss: 0.7,
        accuracy: 0.6,
        recallAtFar: 0.5,
        thresholdAtFar: 0.4,
        valAccuracy: 0.6,
        valLoss: 0.8,
        seconds: 1,
      },
    });
    training.log("skipped a file", "warn");
    reporter.artifacts({ model: "/models/hey-nova" });
    reporter.error("it broke", "JOB_FAILED");
    for (const event of events) expect(parseProgressEvent(event)).toEqual(event);
    expect(events.map((event) => event.type)).toEqual([
      "stage",
      "progress",
      "epoch",
      "log",
      "artifacts",
      "error",
    ]);
    expect(events[2]).toMatchObject({
      jobId: "job-1",
      timeMs: 1_000,
      metrics: { loss: 0.7, accuracy: 0.6, recallAtFar: 0.5, valLoss: 0.8 },
    });
  });

  it("keeps the fraction for heartbeats but writes it at most once a second, unless it jumps", () => {
    const { events, reporter, tick } = recorder();
    for (let i = 1; i <= 30; i++) reporter.progress(i / 1000);
    expect(reporter.fraction).toBe(0.03);
    expect(events).toHaveLength(1);
    tick(1_000);
    reporter.progress(0.031);
    reporter.progress(0.2);
    expect(events.map((event) => (event.type === "progress" ? event.fraction : -1))).toEqual([
      0.001, 0.031, 0.2,
    ]);
    // Never backwards: a later step that counts from zero again does not undo progress.
    reporter.progress(0.1);
    expect(reporter.fraction).toBe(0.2);
  });

  it("names each stage once however often it is announced", () => {
    const { events, reporter } = recorder();
    reporter.stage("synthesizing");
    reporter.stage("synthesizing");
    reporter.stage("training");
    expect(events).toHaveLength(2);
  });
});
