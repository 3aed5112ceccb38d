import type { BackendChoice, BackendReport } from "@wakeforge/core";
import { render as renderInk } from "ink";
import { cleanup, render } from "ink-testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import { hasColorCodes, stripAnsi } from "../../test/ansi.js";
import { fakeServices, modelRecord, testConfig } from "../../test/fake-services.js";
import { createFakeTerminal } from "../../test/fake-terminal.js";
import type { Interrupts } from "../interrupts.js";
import type { TuiServices } from "../services.js";
import { COLOR_THEME, PLAIN_THEME } from "../theme.js";
import { App, type AppExit, type TuiConfig } from "./App.js";

/** Waits for an assertion to hold; generous, since a loaded two-core machine renders slowly. */
const eventually = (assertion: () => void) =>
  vi.waitFor(assertion, { timeout: 10_000, interval: 20 });

/** Lets React run effects and Ink attach its input listener. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

function report(backend: "wasm" | "cpu", skipped: BackendReport["skipped"] = []): BackendReport {
  return { requested: "auto", backend, tfBackend: backend, skipped, details: {} };
}

/** A probe whose answers the test releases one at a time, recording what it was asked for. */
function controlledProbe() {
  const asked: BackendChoice[] = [];
  const pending: { resolve: (r: BackendReport) => void; reject: (e: Error) => void }[] = [];
  const probe = (choice: BackendChoice) => {
    asked.push(choice);
    return new Promise<BackendReport>((resolve, reject) => pending.push({ resolve, reject }));
  };
  const next = () => {
    const waiting = pending.shift();
    if (!waiting) throw new Error("no probe is waiting");
    return waiting;
  };
  return {
    probe,
    asked,
    answer: (r: BackendReport) => next().resolve(r),
    fail: (e: Error) => next().reject(e),
  };
}

/** The App on a fake terminal through Ink itself, to see it exit and to resize it. */
function renderOnTerminal(
  config: TuiConfig,
  services: TuiServices,
  options: { columns?: number; rows?: number; interrupts?: Interrupts } = {},
) {
  const terminal = createFakeTerminal(options.columns ?? 100, options.rows ?? 30);
  const instance = renderInk(
    <App
      config={config}
      services={services}
      {...(options.interrupts ? { interrupts: options.interrupts } : {})}
    />,
    {
      stdout: terminal.stdout,
      stdin: terminal.stdin,
      debug: true,
      patchConsole: false,
      exitOnCtrlC: false,
    },
  );
  let ended: AppExit | undefined;
  const exited = instance.waitUntilExit().then((value) => {
    ended = value as AppExit;
  });
  return {
    terminal,
    frame: () => stripAnsi(terminal.lastFrame()),
    exited,
    ended: () => ended,
    cleanup: () => instance.cleanup(),
  };
}

afterEach(cleanup);

describe("App", () => {
  it("opens the overview with the tab bar and the keys of every screen", async () => {
    const { services } = fakeServices();
    const { lastFrame } = render(<App config={testConfig()} services={services} />);
    const frame = () => stripAnsi(lastFrame() ?? "");
    await eventually(() => expect(frame()).toContain("Data directory /data"));
    expect(frame()).toMatch(
      /wakeforge\s+1 Overview\s+2 Train\s+3 Evaluate\s+4 Detect\s+5 Jobs\s+6 System/,
    );
    expect(frame()).toMatch(/tab next screen\s+1-6 screen\s+q quit/);
    expect(frame()).toContain("No models yet: press t to train one.");
  });

  it("switches screens with the number keys and tab, both ways", async () => {
    const { services } = fakeServices();
    const { lastFrame, stdin } = render(<App config={testConfig()} services={services} />);
    const frame = () => stripAnsi(lastFrame() ?? "");
    await settle();
    stdin.write("2");
    await eventually(() => expect(frame()).toContain("Train a wake word"));
    stdin.write("\t");
    await eventually(() => expect(frame()).toContain("No model chosen"));
    stdin.write("\u001B[Z"); // shift-tab
    await eventually(() => expect(frame()).toContain("Train a wake word"));
    stdin.write("5");
    await eventually(() => expect(frame()).toContain("Queue /data/queue.sqlite"));
  });

  it("probes the backend only when the System screen opens, and re-probes on r", async () => {
    const probe = controlledProbe();
    const { services } = fakeServices({ probeBackend: probe.probe });
    const { lastFrame, stdin } = render(
      <App config={testConfig({ backend: "wasm" })} services={services} />,
    );
    const frame = () => stripAnsi(lastFrame() ?? "");
    await settle();
    expect(probe.asked).toEqual([]);
    stdin.write("6");
    await eventually(() => expect(frame()).toContain("Probing TensorFlow.js backends (wasm)"));
    await eventually(() => expect(probe.asked).toEqual(["wasm"]));
    probe.answer(report("wasm", [{ backend: "node", reason: "native addon not built" }]));
    await eventually(() => expect(frame()).toContain('wasm (tfjs "wasm")'));
    expect(frame()).toContain("node: native addon not built");
    expect(frame()).toContain("node v20.19.0");
    stdin.write("r");
    await eventually(() => expect(probe.asked).toHaveLength(2));
    probe.fail(new Error("nothing works"));
    await eventually(() => expect(frame()).toContain("No backend: nothing works"));
  });

  it("quits on q: Ink unmounts and the exit says code 0", async () => {
    const { services } = fakeServices();
    const app = renderOnTerminal(testConfig(), services);
    await settle();
    app.terminal.press("x"); // not a key of the overview
    await settle();
    expect(app.ended()).toBeUndefined();
    app.terminal.press("q");
    await app.exited;
    expect(app.ended()).toEqual({ code: 0, message: undefined });
    app.cleanup();
  });

  it("types q into a field being edited instead of quitting", async () => {
    const { services } = fakeServices();
    const app = renderOnTerminal(testConfig({ screen: "train" }), services);
    await settle();
    app.terminal.press("\r"); // edit the phrase
    await settle();
    app.terminal.press("q");
    await eventually(() => expect(app.frame()).toContain("q▏"));
    expect(app.ended()).toBeUndefined();
    app.terminal.press("\u0003"); // Ctrl-C still quits
    await app.exited;
    expect(app.ended()?.code).toBe(0);
    app.cleanup();
  });

  it("on Ctrl-C during training, stops the run first and exits 130 once it has stopped", async () => {
    const fake = fakeServices();
    const app = renderOnTerminal(
      testConfig({
        screen: "train",
        training: { ...testConfig().training, word: "hey nova" },
        startTraining: true,
      }),
      fake.services,
    );
    await eventually(() => expect(fake.training.specs).toHaveLength(1));
    fake.training.emit({ type: "stage", stage: "training" });
    await eventually(() => expect(app.frame()).toContain("x stop training"));
    app.terminal.press("\u0003");
    await eventually(() => expect(app.frame()).toContain("Stopping training before quitting"));
    await eventually(() => expect(fake.training.stops()).toBe(1));
    expect(app.ended()).toBeUndefined(); // the worker has not stopped yet
    app.terminal.press("\u0003"); // again: stop at once
    await eventually(() => expect(fake.training.stops()).toBe(2));
    fake.training.end({ outcome: "stopped" });
    await app.exited;
    expect(app.ended()).toEqual({
      code: 130,
      message: "training stopped: no model was written to /data/models/hey-nova",
    });
    app.cleanup();
  });

  it("handles a signal from outside as Ctrl-C", async () => {
    const fake = fakeServices();
    let interrupt = () => {};
    const interrupts: Interrupts = {
      subscribe: (listener) => {
        interrupt = listener;
        return () => {};
      },
    };
    const app = renderOnTerminal(
      testConfig({
        screen: "train",
        training: { ...testConfig().training, word: "hey nova" },
        startTraining: true,
      }),
      fake.services,
      { interrupts },
    );
    await eventually(() => expect(fake.training.specs).toHaveLength(1));
    interrupt();
    await eventually(() => expect(fake.training.stops()).toBe(1));
    fake.training.end({ outcome: "stopped" });
    await app.exited;
    expect(app.ended()?.code).toBe(130);
    app.cleanup();
  });

  it("follows the terminal's size: short tab names when narrow, a request when too small", async () => {
    const { services } = fakeServices();
    const app = renderOnTerminal(testConfig(), services, { columns: 100, rows: 30 });
    await eventually(() => expect(app.frame()).toContain("3 Evaluate"));
    app.terminal.resize(60, 30);
    await eventually(() => expect(app.frame()).toMatch(/1 Data\s+2 Train\s+3 Eval/));
    expect(app.frame()).not.toContain("Evaluate");
    app.terminal.resize(30, 8);
    await eventually(() => expect(app.frame()).toContain("The terminal is 30×8"));
    app.terminal.resize(100, 30);
    await eventually(() => expect(app.frame()).toContain("3 Evaluate"));
    app.terminal.press("q");
    await app.exited;
    app.cleanup();
  });

  it("opens the Evaluate screen on the model picked on the overview", async () => {
    const record = modelRecord();
    const { services } = fakeServices({
      readDataDir: async (dataDir) => ({
        dataDir,
        exists: true,
        models: [record],
        unreadable: [],
        work: [],
      }),
    });
    const { lastFrame, stdin } = render(<App config={testConfig()} services={services} />);
    const frame = () => stripAnsi(lastFrame() ?? "");
    await eventually(() => expect(frame()).toContain("› models/hey-nova"));
    stdin.write("\r");
    await eventually(() => expect(frame()).toContain("DET: missed wakes"));
  });

  it("uses colour only when the theme has colours (NO_COLOR gives the plain theme)", async () => {
    const frames = await Promise.all(
      [COLOR_THEME, PLAIN_THEME].map(async (theme) => {
        const { services } = fakeServices();
        const { lastFrame } = render(
          <App config={testConfig()} services={services} theme={theme} />,
        );
        await eventually(() => expect(lastFrame()).toContain("Data directory"));
        return lastFrame() ?? "";
      }),
    );
    expect(hasColorCodes(frames[0] ?? "")).toBe(true);
    expect(hasColorCodes(frames[1] ?? "")).toBe(false);
    // Without colour the open tab is still marked (inverse video is not a colour).
    expect(frames[1]).toContain("\u001B[7m");
  });
});
