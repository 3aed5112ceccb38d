import { cleanup, render } from "ink-testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import { hasColorCodes, stripAnsi } from "../../../test/ansi.js";
import { fakeServices, modelRecord } from "../../../test/fake-services.js";
import { COLOR_THEME, PLAIN_THEME } from "../../theme.js";
import { ThemeContext } from "../../use-theme.js";
import { EvalScreen } from "./EvalScreen.js";

const eventually = (assertion: () => void) =>
  vi.waitFor(assertion, { timeout: 10_000, interval: 20 });

afterEach(cleanup);

describe("Evaluate screen", () => {
  it("shows the evaluation table and the DET curve with the operating point and target", async () => {
    const { services } = fakeServices();
    const { lastFrame } = render(
      <EvalScreen
        model="/data/models/hey-nova"
        readModelRecord={services.readModelRecord}
        width={90}
        height={34}
      />,
    );
    const frame = () => stripAnsi(lastFrame() ?? "");
    await eventually(() => expect(frame()).toContain('"hey nova"  /data/models/hey-nova'));
    expect(frame()).toMatch(
      /threshold\s+0\.4048 calibrated on negative-speech, negative-music, target 0\.5/,
    );
    expect(frame()).toMatch(/recall\s+90\.0 % \(9 of 10\) held-out clips/);
    expect(frame()).toMatch(/ {2}synthetic\s+90\.0 % \(9 of 10\)/);
    expect(frame()).toMatch(/false accepts\s+0\.50 per hour \(1 in 2\.00 h\)/);
    expect(frame()).toMatch(/near misses\s+25\.0 % \(1 of 4\) fired/);
    expect(frame()).toMatch(/latency\s+p50 0\.12 s, p90 0\.30 s/);
    expect(frame()).toContain("DET: missed wakes (false-reject rate) vs. false accepts per hour");
    expect(frame()).toContain("◆");
    expect(frame()).toContain("┊");
    expect(frame()).toMatch(/100%┤/);
    expect(frame()).toMatch(/0\s+0\.1\s+1\s+10\s+100\s+1k/);
    expect(frame()).toMatch(/• DET\s+◆ threshold\s+┊ target/);
  });

  it("says so when the model has no evaluation, or none is chosen, or it cannot be read", async () => {
    const { services } = fakeServices({
      readModelRecord: async () => modelRecord({ evaluation: undefined }),
    });
    const none = render(
      <EvalScreen
        model={undefined}
        readModelRecord={services.readModelRecord}
        width={80}
        height={20}
      />,
    );
    expect(stripAnsi(none.lastFrame() ?? "")).toContain("No model chosen");
    const bare = render(
      <EvalScreen model="/m" readModelRecord={services.readModelRecord} width={80} height={20} />,
    );
    await eventually(() =>
      expect(stripAnsi(bare.lastFrame() ?? "")).toContain("has no evaluation"),
    );
    const broken = render(
      <EvalScreen
        model="/nowhere"
        readModelRecord={() => Promise.reject(new Error("/nowhere is not a model directory"))}
        width={80}
        height={20}
      />,
    );
    await eventually(() =>
      expect(stripAnsi(broken.lastFrame() ?? "")).toContain("/nowhere is not a model directory"),
    );
  });

  it("colours the curve and the point only with a colour theme", async () => {
    const { services } = fakeServices();
    const frames = await Promise.all(
      [COLOR_THEME, PLAIN_THEME].map(async (theme) => {
        const { lastFrame } = render(
          <ThemeContext value={theme}>
            <EvalScreen
              model="/m"
              readModelRecord={services.readModelRecord}
              width={80}
              height={30}
            />
          </ThemeContext>,
        );
        await eventually(() => expect(lastFrame()).toContain("◆"));
        return lastFrame() ?? "";
      }),
    );
    expect(hasColorCodes(frames[0] ?? "")).toBe(true);
    expect(hasColorCodes(frames[1] ?? "")).toBe(false);
  });
});
