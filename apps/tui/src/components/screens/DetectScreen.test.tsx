import { cleanup, render } from "ink-testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import { stripAnsi } from "../../../test/ansi.js";
import { fakeServices } from "../../../test/fake-services.js";
import { DetectScreen } from "./DetectScreen.js";

const eventually = (assertion: () => void) =>
  vi.waitFor(assertion, { timeout: 10_000, interval: 20 });
const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

afterEach(cleanup);

function detectScreen(props: { file?: string; model?: string } = {}) {
  const fake = fakeServices();
  const captures: boolean[] = [];
  const app = render(
    <DetectScreen
      model={"model" in props ? props.model : "/data/models/hey-nova"}
      file={props.file}
      micAtStart={false}
      readModelRecord={fake.services.readModelRecord}
      detect={fake.services.detect}
      width={90}
      height={24}
      onCaptureChange={(c) => captures.push(c)}
    />,
  );
  return { ...fake, ...app, captures, frame: () => stripAnsi(app.lastFrame() ?? "") };
}

describe("Detect screen", () => {
  it("plays the file on enter: the meter follows the score, the log lists detections", async () => {
    const app = detectScreen({ file: "/audio/kitchen.wav" });
    await eventually(() =>
      expect(app.frame()).toContain("threshold 0.40 (calibrated in training)"),
    );
    expect(app.frame()).toMatch(/audio file\s+\/audio\/kitchen\.wav/);
    app.stdin.write("\r");
    await eventually(() => expect(app.detections).toHaveLength(1));
    const session = app.detections[0];
    expect(session?.request).toMatchObject({
      model: "/data/models/hey-nova",
      source: { kind: "file", path: "/audio/kitchen.wav" },
      realTime: true,
    });
    session?.request.onListening("/audio/kitchen.wav");
    session?.score({ timeSeconds: 1.2, score: 0.2 });
    await eventually(() => expect(app.frame()).toContain("Listening to /audio/kitchen.wav"));
    expect(app.frame()).toMatch(/█+│?░+│?░* 0\.20 \/ 0\.40/);
    expect(app.frame()).not.toContain("FIRE");
    session?.score({ timeSeconds: 1.28, score: 0.93 });
    session?.detection({ timeSeconds: 1.28, score: 0.93 });
    await eventually(() => expect(app.frame()).toContain("FIRE"));
    expect(app.frame()).toContain("at 1.28 s · peak 0.93 · threshold 0.40");
    expect(app.frame()).toMatch(/Detections \(1\)\s+1\.28 s {2}score 0\.930/);
    expect(app.frame()).toContain("x stop");
    app.stdin.write("x");
    await eventually(() => expect(app.frame()).toContain("Stopped."));
  });

  it("takes a typed path (keys are text meanwhile) and plays it", async () => {
    const app = detectScreen();
    await eventually(() => expect(app.frame()).toContain("threshold 0.40"));
    await settle();
    app.stdin.write("f");
    await eventually(() => expect(app.captures.at(-1)).toBe(true));
    for (const key of "/a.wav") app.stdin.write(key);
    app.stdin.write("\r");
    await eventually(() => expect(app.detections).toHaveLength(1));
    expect(app.detections[0]?.request.source).toEqual({ kind: "file", path: "/a.wav" });
    await eventually(() => expect(app.captures.at(-1)).toBe(false));
  });

  it("says clearly when the microphone cannot be used", async () => {
    const app = detectScreen();
    await eventually(() => expect(app.frame()).toContain("threshold 0.40"));
    await settle();
    app.stdin.write("m");
    await eventually(() => expect(app.detections).toHaveLength(1));
    expect(app.detections[0]?.request.source).toEqual({ kind: "mic" });
    app.detections[0]?.end(
      new Error(
        "no microphone recorder found: install sox (apt-get install sox, brew install sox) or alsa-utils (arecord)",
      ),
    );
    await eventually(() =>
      expect(app.frame()).toContain("no microphone recorder found: install sox"),
    );
  });

  it("asks for a model when none is chosen", () => {
    const app = detectScreen({ model: undefined });
    expect(app.frame()).toContain("No model chosen");
  });
});
