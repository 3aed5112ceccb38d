import type { BackendChoice, BackendReport } from "@wakeforge/core";
import { render as renderInk } from "ink";
import { cleanup, render } from "ink-testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import { hasColorCodes, stripAnsi } from "../../test/ansi.js";
import { createFakeTerminal } from "../../test/fake-terminal.js";
import type { SystemInfo } from "../system-info.js";
import { COLOR_THEME, PLAIN_THEME } from "../theme.js";
import { App } from "./App.js";

/** Waits for an assertion to hold; generous, since a loaded two-core machine renders slowly. */
const eventually = (assertion: () => void) =>
  vi.waitFor(assertion, { timeout: 10_000, interval: 20 });

const system: SystemInfo = { nodeVersion: "v20.19.0", platform: "linux", arch: "arm64" };

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

/** Lets React run effects and Ink attach its input listener. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

afterEach(cleanup);

describe("App", () => {
  it("shows probing, then the backend report with the runtime and the keys", async () => {
    const probe = controlledProbe();
    const { lastFrame } = render(
      <App backendChoice="auto" probeBackend={probe.probe} system={system} />,
    );
    const frame = () => stripAnsi(lastFrame() ?? "");
    expect(frame()).toContain("Probing TensorFlow.js backends (auto)");
    expect(probe.asked).toEqual(["auto"]);

    probe.answer(report("wasm", [{ backend: "node", reason: "native addon not built" }]));
    await eventually(() => expect(frame()).toContain('wasm (tfjs "wasm")'));
    expect(frame()).not.toContain("Probing");
    expect(frame()).toContain("node: native addon not built");
    expect(frame()).toContain("node v20.19.0");
    expect(frame()).toContain("platform linux arm64");
    expect(frame()).toMatch(/q quit\s+r re-probe/);
  });

  it("probes the backend it was given", () => {
    const probe = controlledProbe();
    render(<App backendChoice="cpu" probeBackend={probe.probe} system={system} />);
    expect(probe.asked).toEqual(["cpu"]);
  });

  it("re-probes on r, but not while a probe is running", async () => {
    const probe = controlledProbe();
    const { lastFrame, stdin } = render(
      <App backendChoice="auto" probeBackend={probe.probe} system={system} />,
    );
    const frame = () => stripAnsi(lastFrame() ?? "");
    await settle();
    stdin.write("r");
    await settle();
    expect(probe.asked).toHaveLength(1);

    probe.answer(report("wasm"));
    await eventually(() => expect(frame()).toContain('wasm (tfjs "wasm")'));
    stdin.write("r");
    await eventually(() => expect(frame()).toContain("Probing"));
    expect(probe.asked).toHaveLength(2);
    probe.answer(report("cpu"));
    await eventually(() => expect(frame()).toContain('cpu (tfjs "cpu")'));
  });

  it("says why no backend could start", async () => {
    const probe = controlledProbe();
    const { lastFrame } = render(
      <App backendChoice="node" probeBackend={probe.probe} system={system} />,
    );
    probe.fail(new Error('backend "node" is unavailable: native addon not built'));
    await eventually(() =>
      expect(stripAnsi(lastFrame() ?? "")).toContain(
        'No backend: backend "node" is unavailable: native addon not built',
      ),
    );
  });

  it("quits on q: Ink unmounts and its exit promise resolves", async () => {
    const terminal = createFakeTerminal();
    const probe = controlledProbe();
    const instance = renderInk(
      <App backendChoice="auto" probeBackend={probe.probe} system={system} />,
      {
        stdout: terminal.stdout,
        stdin: terminal.stdin,
        debug: true,
        patchConsole: false,
        exitOnCtrlC: false,
      },
    );
    let exited = false;
    const exit = instance.waitUntilExit().then(() => {
      exited = true;
    });
    await settle();
    terminal.press("x"); // not a key of this screen
    await settle();
    expect(exited).toBe(false);

    terminal.press("q");
    await exit;
    expect(exited).toBe(true);
    instance.cleanup();
  });

  it("uses colour only when the theme has colours (NO_COLOR gives the plain theme)", async () => {
    const frames = await Promise.all(
      [COLOR_THEME, PLAIN_THEME].map(async (theme) => {
        const probe = controlledProbe();
        const { lastFrame } = render(
          <App backendChoice="auto" probeBackend={probe.probe} system={system} theme={theme} />,
        );
        probe.fail(new Error("nothing works"));
        await eventually(() => expect(lastFrame()).toContain("nothing works"));
        return lastFrame() ?? "";
      }),
    );
    expect(hasColorCodes(frames[0] ?? "")).toBe(true);
    expect(hasColorCodes(frames[1] ?? "")).toBe(false);
  });
});
