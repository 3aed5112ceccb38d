import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { stripAnsi } from "../../test/ansi.js";
import {
  applyTrainingEvent,
  initialTrainingState,
  type TrainingState,
} from "../training/training-state.js";
import { ScoreMeter } from "./ScoreMeter.js";
import { TrainingView } from "./TrainingView.js";

function withCurves(): TrainingState {
  const events = [
    { run: "transfer", epoch: 1, recallAtFar: 0.5, valLoss: 0.7 },
    { run: "transfer", epoch: 2, recallAtFar: 1, valLoss: 0.4 },
    { run: "scratch", epoch: 1, recallAtFar: 0, valLoss: 1.6 },
  ] as const;
  return events.reduce(
    (state, e) =>
      applyTrainingEvent(state, {
        type: "epoch",
        jobId: "j",
        timeMs: 0,
        run: e.run,
        epoch: e.epoch,
        metrics: { loss: 1, accuracy: 0.5, recallAtFar: e.recallAtFar, valLoss: e.valLoss },
      }),
    initialTrainingState({ phrase: "hey nova", model: "/m", plannedEpochs: 4 }),
  );
}

const frameOf = (width: number, height: number) => {
  const { lastFrame, unmount } = render(
    <TrainingView state={withCurves()} etaSeconds={65} width={width} height={height} />,
  );
  const frame = stripAnsi(lastFrame() ?? "");
  unmount();
  return frame;
};

describe("TrainingView", () => {
  it("puts the two charts side by side on a wide terminal and one above the other on a narrow one", () => {
    const wide = frameOf(100, 30).split("\n");
    const titles = wide.find((line) => line.includes("held-out recall"));
    expect(titles).toContain("held-out loss");
    expect(frameOf(100, 30)).toContain("ETA 1m 05s");

    const narrow = frameOf(60, 40).split("\n");
    const recallRow = narrow.findIndex((line) => line.includes("held-out recall"));
    const lossRow = narrow.findIndex((line) => line.includes("held-out loss"));
    expect(recallRow).toBeGreaterThanOrEqual(0);
    expect(lossRow).toBeGreaterThan(recallRow + 3);
    expect(narrow.every((line) => line.length <= 60)).toBe(true);
  });

  it.each([
    [0, 0],
    [12, 6],
    [30.5, 9.9],
    [-3, -3],
  ])("draws what fits at %s × %s without throwing", (width, height) => {
    expect(() => frameOf(width, height)).not.toThrow();
    expect(frameOf(width, height)).toContain('Training "hey nova"');
  });
});

describe("ScoreMeter", () => {
  it.each([0, -2, 3.7, Number.NaN])("draws at width %s without throwing", (width) => {
    const { lastFrame } = render(<ScoreMeter score={0.5} threshold={0.4} width={width} />);
    expect(stripAnsi(lastFrame() ?? "")).toContain("0.50 / 0.40  FIRE");
  });

  it("marks the threshold on the bar and fires only at or above it", () => {
    const below = render(<ScoreMeter score={0.2} threshold={0.5} width={10} />);
    expect(stripAnsi(below.lastFrame() ?? "")).toBe("██░░░│░░░░ 0.20 / 0.50");
    const unknown = render(<ScoreMeter score={undefined} threshold={0.5} width={10} />);
    expect(stripAnsi(unknown.lastFrame() ?? "")).toBe("░░░░░│░░░░ -.-- / 0.50");
  });
});
