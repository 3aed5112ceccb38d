import { cleanup, render } from "ink-testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import { stripAnsi } from "../../../test/ansi.js";
import { fakeServices, testConfig } from "../../../test/fake-services.js";
import { App } from "../App.js";

const eventually = (assertion: () => void) =>
  vi.waitFor(assertion, { timeout: 10_000, interval: 20 });
const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

afterEach(cleanup);

function trainApp(overrides: Parameters<typeof testConfig>[0] = {}) {
  const fake = fakeServices();
  const app = render(
    <App config={testConfig({ screen: "train", ...overrides })} services={fake.services} />,
  );
  const frame = () => stripAnsi(app.lastFrame() ?? "");
  return { ...fake, ...app, frame };
}

describe("Train screen", () => {
  it("shows the form with wakeforge train's defaults and says what is missing", async () => {
    const app = trainApp();
    await eventually(() => expect(app.frame()).toContain("Train a wake word"));
    expect(app.frame()).toMatch(/› phrase\s+type a phrase/);
    expect(app.frame()).toMatch(/synthetic clips\s+100/);
    expect(app.frame()).toMatch(/epochs\s+10/);
    expect(app.frame()).toMatch(/compare with scratch\s+\[x\] yes/);
    expect(app.frame()).toMatch(/model directory\s+\/data\/models\/<phrase>/);
    app.stdin.write("s");
    await eventually(() =>
      expect(app.frame()).toContain(
        'phrase: must be a non-empty phrase such as "hey nova", got ""',
      ),
    );
    expect(app.training.specs).toEqual([]);
  });

  it("edits fields with the keyboard and starts the job spec they make", async () => {
    const app = trainApp();
    await settle();
    app.stdin.write("\r");
    await settle();
    for (const key of "hey nova") app.stdin.write(key);
    app.stdin.write("\r");
    await eventually(() => expect(app.frame()).toMatch(/phrase\s+hey nova/));
    // epochs: down three fields, replace 10 by 3 (letters are refused in a number field)
    for (let i = 0; i < 3; i += 1) app.stdin.write("\u001B[B");
    app.stdin.write("\r");
    await settle();
    app.stdin.write("\u007F");
    app.stdin.write("\u007F");
    app.stdin.write("x3");
    app.stdin.write("\r");
    await eventually(() => expect(app.frame()).toMatch(/› epochs\s+3/));
    // compare with scratch: a switch, flipped with space
    for (let i = 0; i < 3; i += 1) app.stdin.write("\u001B[B");
    app.stdin.write(" ");
    await eventually(() => expect(app.frame()).toMatch(/compare with scratch\s+\[ \] no/));
    app.stdin.write("s");
    await eventually(() => expect(app.training.specs).toHaveLength(1));
    expect(app.training.specs[0]).toMatchObject({
      kind: "train",
      word: "hey nova",
      synth: 100,
      epochs: 3,
      compareScratch: false,
      out: "/data/models/hey-nova",
    });
  });

  it("draws progress, the ETA, both learning curves and the log as events arrive, and stops on x", async () => {
    const app = trainApp({
      training: { ...testConfig().training, word: "hey nova", epochs: 4 },
      startTraining: true,
    });
    await eventually(() => expect(app.training.specs).toHaveLength(1));
    await eventually(() =>
      expect(app.frame()).toContain('Training "hey nova" → /data/models/hey-nova'),
    );
    app.training.emit({ type: "stage", stage: "training" });
    app.training.emit({ type: "progress", fraction: 0.1 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    app.training.emit({ type: "progress", fraction: 0.3 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    app.training.emit({ type: "progress", fraction: 0.45 });
    app.training.emit({ type: "log", level: "info", message: '"hey nova": 18 positive windows' });
    for (const [run, epoch, recall, loss] of [
      ["transfer", 1, 0.5, 0.74],
      ["transfer", 2, 1, 0.5],
      ["scratch", 1, 0, 1.6],
    ] as const) {
      app.training.emit({
        type: "epoch",
        run,
        epoch,
        metrics: { loss: 1, accuracy: 0.5, recallAtFar: recall, valLoss: loss },
      });
    }
    await eventually(() => expect(app.frame()).toContain("45%"));
    expect(app.frame()).toMatch(/ETA \d+s/);
    expect(app.frame()).toContain("training");
    expect(app.frame()).toContain("held-out recall (5 % clip false accepts)");
    expect(app.frame()).toContain("held-out loss");
    expect(app.frame()).toMatch(/\* transfer\s+\+ scratch/);
    expect(app.frame()).toContain('"hey nova": 18 positive windows');
    expect(app.frame()).toContain("x stop training");

    app.stdin.write("x");
    await eventually(() =>
      expect(app.frame()).toContain("stopping: the worker stops at its next step"),
    );
    expect(app.training.stops()).toBe(1);
    app.training.end({ outcome: "stopped" });
    await eventually(() =>
      expect(app.frame()).toContain("stopped: no model was written to /data/models/hey-nova"),
    );
    expect(app.frame()).toContain("n new training");
  });

  it("shows the result of a finished run and opens the evaluation on e", async () => {
    const app = trainApp({
      training: { ...testConfig().training, word: "hey nova" },
      startTraining: true,
    });
    await eventually(() => expect(app.training.specs).toHaveLength(1));
    app.training.end({ outcome: "completed", model: "/data/models/hey-nova" });
    await eventually(() =>
      expect(app.frame()).toContain("done: the model is in /data/models/hey-nova"),
    );
    await eventually(() =>
      expect(app.frame()).toContain(
        "threshold 0.4048: recall 90.0 % on held-out voices, 0.50 false accepts per hour",
      ),
    );
    expect(app.frame()).toContain("start: transfer 50.0% vs scratch 0.0%");
    expect(app.frame()).toMatch(/100%/);
    app.stdin.write("e");
    await eventually(() => expect(app.frame()).toContain("DET: missed wakes"));
  });

  it("says why a run failed and goes back to the form on n", async () => {
    const app = trainApp({
      training: { ...testConfig().training, word: "hey nova" },
      startTraining: true,
    });
    await eventually(() => expect(app.training.specs).toHaveLength(1));
    app.training.end({ outcome: "failed", message: "espeak-ng is not installed" });
    await eventually(() => expect(app.frame()).toContain("failed: espeak-ng is not installed"));
    app.stdin.write("n");
    await eventually(() => expect(app.frame()).toContain("Train a wake word"));
    expect(app.frame()).toMatch(/phrase\s+hey nova/);
  });
});
