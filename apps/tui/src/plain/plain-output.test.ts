import { describe, expect, it } from "vitest";
import { fakeServices, modelRecord } from "../../test/fake-services.js";
import type { Interrupts } from "../interrupts.js";
import { evaluationLines } from "./plain-evaluation.js";
import { overviewLines } from "./plain-overview.js";
import { runPlainTraining, trainingEventLines } from "./plain-training.js";
import { jobLines } from "./plain-jobs.js";
import { queuedJob } from "../../test/fake-services.js";

function capture() {
  let out = "";
  let err = "";
  return {
    io: {
      stdout: { write: (t: string) => (out += t) },
      stderr: { write: (t: string) => (err += t) },
    },
    out: () => out,
    err: () => err,
  };
}

function manualInterrupts() {
  const listeners: (() => void)[] = [];
  const interrupts: Interrupts = {
    subscribe: (listener) => {
      listeners.push(listener);
      return () => {};
    },
  };
  return { interrupts, interrupt: () => listeners.forEach((l) => l()) };
}

const at = { jobId: "j" };

describe("line output", () => {
  it("tells a run as stages, epochs, log lines and progress every 10 %", () => {
    const lines = trainingEventLines();
    expect(lines({ ...at, timeMs: 0, type: "stage", stage: "training" })).toEqual([
      "stage: training",
    ]);
    expect(lines({ ...at, timeMs: 0, type: "progress", fraction: 0.05 })).toEqual([
      "[  5%] ETA --",
    ]);
    expect(lines({ ...at, timeMs: 1000, type: "progress", fraction: 0.07 })).toEqual([]);
    expect(lines({ ...at, timeMs: 2000, type: "progress", fraction: 0.12 })[0]).toMatch(
      /^\[ 12%\] ETA /,
    );
    expect(
      lines({
        ...at,
        timeMs: 0,
        type: "epoch",
        run: "transfer",
        epoch: 1,
        metrics: { loss: 0.5, accuracy: 0.7, recallAtFar: 1 },
      }),
    ).toEqual(["transfer epoch 1: loss 0.5000  recall 100.0 %"]);
    expect(lines({ ...at, timeMs: 0, type: "log", level: "warn", message: "few voices" })).toEqual([
      "warn: few voices",
    ]);
    expect(lines({ ...at, timeMs: 0, type: "log", level: "debug", message: "x" })).toEqual([]);
  });

  it("trains, then prints the threshold, the evaluation and the verdict", async () => {
    const fake = fakeServices();
    const out = capture();
    const { interrupts } = manualInterrupts();
    const spec = { out: "/data/models/hey-nova", word: "hey nova" } as Parameters<
      typeof runPlainTraining
    >[0];
    const running = runPlainTraining(spec, fake.services, out.io, interrupts);
    await new Promise((resolve) => setTimeout(resolve, 10));
    fake.training.emit({ type: "stage", stage: "embedding" });
    fake.training.end({ outcome: "completed", model: "/data/models/hey-nova" });
    expect(await running).toBe(0);
    expect(out.out()).toBe(
      [
        'training "hey nova" → /data/models/hey-nova',
        "stage: embedding",
        "done: /data/models/hey-nova",
        "threshold 0.4048: recall 90.0 % on held-out voices, 0.50 false accepts per hour",
        "start: transfer 50.0% vs scratch 0.0%",
        "",
      ].join("\n"),
    );
  });

  it("stops on an interrupt and exits 130 saying no model was written", async () => {
    const fake = fakeServices();
    const out = capture();
    const { interrupts, interrupt } = manualInterrupts();
    const spec = { out: "/m", word: "hey nova" } as Parameters<typeof runPlainTraining>[0];
    const running = runPlainTraining(spec, fake.services, out.io, interrupts);
    await new Promise((resolve) => setTimeout(resolve, 10));
    interrupt();
    expect(fake.training.stops()).toBe(1);
    fake.training.end({ outcome: "stopped" });
    expect(await running).toBe(130);
    expect(out.err()).toContain("stopping: the worker stops at its next step and writes no model");
    expect(out.err()).toContain("stopped: no model was written to /m");
  });

  it("says why training could not start", async () => {
    const fake = fakeServices({
      startTraining: () =>
        Promise.reject(new Error("cannot train: the wakeforge command was not found")),
    });
    const out = capture();
    const spec = { out: "/m", word: "hey nova" } as Parameters<typeof runPlainTraining>[0];
    expect(await runPlainTraining(spec, fake.services, out.io, manualInterrupts().interrupts)).toBe(
      1,
    );
    expect(out.err()).toBe("training failed: cannot train: the wakeforge command was not found\n");
  });

  it("prints the overview, the evaluation with its DET chart, and the jobs as text", () => {
    const record = modelRecord();
    const overview = overviewLines({
      dataDir: "/data",
      exists: true,
      models: [record],
      unreadable: [],
      work: [],
    });
    expect(overview.join("\n")).toMatch(
      /models: 1\nMODEL\s+PHRASE.*\nmodels\/hey-nova\s+"hey nova"\s+0\.405\s+90\.0 %/,
    );
    const evaluation = evaluationLines(record).join("\n");
    expect(evaluation).toMatch(/recall\s+90\.0 % \(9 of 10\) held-out clips/);
    expect(evaluation).toMatch(/100%┤/);
    expect(evaluation).toContain("◆");
    expect(evaluation).not.toContain("\u001B[");
    expect(jobLines("/q.sqlite", [queuedJob({ id: "a" })]).join("\n")).toMatch(
      /^queue: \/q\.sqlite\nID\s+KIND.*\na\s+train\s+running\s+████░░░░░░ {2}40%/,
    );
  });
});
