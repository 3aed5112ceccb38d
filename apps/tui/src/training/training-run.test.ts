// The training run's plumbing, with a stand-in for `wakeforge serve` (test/fixtures): the job on
// a queue of its own, the events from its log, how it ends, and that nothing is left behind.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseJobSpec, type JobProgressEvent, type TrainJobSpec } from "@wakeforge/jobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commandFor } from "../programs/command-line.js";
import { startTrainingRun, type TrainingRunOptions } from "./training-run.js";

const fake = fileURLToPath(new URL("../../test/fixtures/fake-wakeforge.mjs", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "wakeforge-tui-run-"));
// The runs' temporary queues go here (os.tmpdir() reads TMPDIR), where no other test writes.
const runTmp = join(work, "tmp");
const previousTmp = process.env.TMPDIR;
beforeAll(() => {
  mkdirSync(runTmp);
  process.env.TMPDIR = runTmp;
});
afterAll(() => {
  process.env.TMPDIR = previousTmp;
  rmSync(work, { recursive: true, force: true });
});

function spec(name: string): TrainJobSpec {
  return parseJobSpec({
    kind: "train",
    word: "hey nova",
    synth: 8,
    out: join(work, name),
  }) as TrainJobSpec;
}

function options(mode: string, name: string, events: JobProgressEvent[]): TrainingRunOptions {
  return {
    spec: spec(name),
    dataDir: join(work, "data"),
    wakeforge: commandFor(fake, "test"),
    backend: "cpu",
    env: { ...process.env, FAKE_MODE: mode, FAKE_ARGS_FILE: join(work, `${name}.args.json`) },
    onEvent: (event) => events.push(event),
    pollMs: 20,
  };
}

describe("startTrainingRun", () => {
  it("runs the spec as the one job of its own queue and reports its events and result", async () => {
    const events: JobProgressEvent[] = [];
    const run = await startTrainingRun(options("complete", "done", events));
    expect(run.jobId).toMatch(/^tui-[0-9a-f-]{36}$/);
    const end = await run.finished;
    expect(end).toEqual({ outcome: "completed", model: join(work, "done") });
    expect(events.map((e) => e.type)).toEqual(["stage", "progress", "epoch", "log", "artifacts"]);
    const args = JSON.parse(readFileSync(join(work, "done.args.json"), "utf8")) as string[];
    expect(args.slice(0, 1)).toEqual(["serve"]);
    expect(args).toEqual(expect.arrayContaining(["--concurrency", "1", "--backend", "cpu"]));
    expect(args[args.indexOf("--queue") + 1]).toMatch(/\/wakeforge-tui-queue-\w+\/queue\.sqlite$/);
    // The run's temporary queue is gone once it ended.
    expect(readdirSync(runTmp)).toEqual([]);
  }, 30_000);

  it("reports the job's own error when it fails", async () => {
    const end = await (await startTrainingRun(options("fail", "failed", []))).finished;
    expect(end).toEqual({ outcome: "failed", message: "no voices installed" });
  }, 30_000);

  it("says what the worker printed when it exits before the job ends", async () => {
    const end = await (await startTrainingRun(options("crash", "crashed", []))).finished;
    expect(end.outcome).toBe("failed");
    expect(end.outcome === "failed" && end.message).toMatch(
      /exited \(code 3\) before the job ended:\nwakeforge serve: boom/,
    );
  }, 30_000);

  it("stops on request: the job ends cancelled, the worker exits, no model is written", async () => {
    const events: JobProgressEvent[] = [];
    const run = await startTrainingRun(options("slow", "stopped", events));
    while (!events.some((e) => e.type === "epoch"))
      await new Promise((resolve) => setTimeout(resolve, 20));
    run.stop();
    expect(await run.finished).toEqual({ outcome: "stopped" });
    expect(existsSync(join(work, "stopped"))).toBe(false);
    expect(readdirSync(runTmp)).toEqual([]);
  }, 30_000);
});
