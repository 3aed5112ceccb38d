import { describe, expect, it } from "vitest";
import { ProgressEventError } from "./errors.js";
import { JOB_STAGES, PROGRESS_EVENT_TYPES, parseProgressEvent } from "./progress.js";

const base = { jobId: "job-1", timeMs: 1_700_000_000_000 };

/** One valid example of every event type, as a worker would send it. */
const validEvents = {
  stage: { ...base, type: "stage", stage: "embedding" },
  progress: { ...base, type: "progress", fraction: 0.25, etaSeconds: 90 },
  epoch: {
    ...base,
    type: "epoch",
    run: "transfer",
    epoch: 3,
    metrics: { loss: 0.4, accuracy: 0.9, recallAtFar: 0.8, valLoss: 0.5 },
  },
  log: { ...base, type: "log", level: "warn", message: "only 3 positives; add more" },
  artifacts: {
    ...base,
    type: "artifacts",
    paths: { model: "out/model.json", report: "out/r.html" },
  },
  error: { ...base, type: "error", message: "no backend", code: "BACKEND_UNAVAILABLE" },
} as const;

function eventError(input: unknown): ProgressEventError {
  try {
    parseProgressEvent(input);
  } catch (error) {
    if (error instanceof ProgressEventError) return error;
    throw error;
  }
  throw new Error("expected a ProgressEventError, but the event was accepted");
}

describe("parseProgressEvent", () => {
  it("has an example here for every event type", () => {
    expect(Object.keys(validEvents).sort()).toEqual([...PROGRESS_EVENT_TYPES].sort());
  });

  it.each(Object.entries(validEvents))("accepts a %s event sent as JSON", (_type, event) => {
    expect(parseProgressEvent(JSON.parse(JSON.stringify(event)))).toEqual(event);
  });

  it("accepts every stage and leaves optional fields out", () => {
    for (const stage of JOB_STAGES) {
      expect(parseProgressEvent({ ...base, type: "stage", stage })).toMatchObject({ stage });
    }
    const bare = parseProgressEvent({ ...base, type: "progress", fraction: 1 });
    expect(bare).not.toHaveProperty("etaSeconds");
    const epoch = parseProgressEvent({
      ...base,
      type: "epoch",
      run: "scratch",
      epoch: 1,
      metrics: { loss: 0, accuracy: 0 },
    });
    expect(epoch).toMatchObject({ metrics: { loss: 0, accuracy: 0 } });
  });

  it("drops fields it does not know, so newer workers do not break older frontends", () => {
    const event = parseProgressEvent({ ...validEvents.log, gpu: "H200" });
    expect(event).not.toHaveProperty("gpu");
  });

  // Each row: an event, the path of the field that makes it invalid.
  const invalid: [name: string, event: Record<string, unknown>, path: string][] = [
    ["unknown stage", { ...validEvents.stage, stage: "sleeping" }, "stage"],
    ["fraction above 1", { ...validEvents.progress, fraction: 1.01 }, "fraction"],
    ["negative fraction", { ...validEvents.progress, fraction: -0.1 }, "fraction"],
    ["negative eta", { ...validEvents.progress, etaSeconds: -1 }, "etaSeconds"],
    ["unknown run", { ...validEvents.epoch, run: "distill" }, "run"],
    ["epoch 0", { ...validEvents.epoch, epoch: 0 }, "epoch"],
    [
      "accuracy above 1",
      { ...validEvents.epoch, metrics: { loss: 1, accuracy: 2 } },
      "metrics.accuracy",
    ],
    ["missing loss", { ...validEvents.epoch, metrics: { accuracy: 0.5 } }, "metrics.loss"],
    [
      "recall above 1",
      { ...validEvents.epoch, metrics: { loss: 1, accuracy: 1, recallAtFar: 3 } },
      "metrics.recallAtFar",
    ],
    ["unknown level", { ...validEvents.log, level: "fatal" }, "level"],
    ["non-string path", { ...validEvents.artifacts, paths: { model: 3 } }, "paths.model"],
    ["empty error code", { ...validEvents.error, code: "" }, "code"],
    ["empty job id", { ...validEvents.stage, jobId: "" }, "jobId"],
    ["time as text", { ...validEvents.stage, timeMs: "now" }, "timeMs"],
    ["unknown type", { ...base, type: "heartbeat" }, "type"],
  ];
  it.each(invalid)("rejects %s", (_name, event, path) => {
    const error = eventError(event);
    expect(error.code).toBe("INVALID_PROGRESS_EVENT");
    expect(error.issues.map((issue) => issue.path)).toEqual([path]);
    expect(error.message).toContain(`${path}: `);
  });

  it("rejects what is not an object", () => {
    expect(eventError(null).issues).toEqual([
      { path: "", message: expect.stringContaining('"type" field') },
    ]);
    expect(eventError("stage").message).toMatch(/^progress event: /);
  });
});
