import { cleanup, render } from "ink-testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import { stripAnsi } from "../../../test/ansi.js";
import { fakeServices, modelRecord } from "../../../test/fake-services.js";
import { OverviewScreen } from "./OverviewScreen.js";

const eventually = (assertion: () => void) =>
  vi.waitFor(assertion, { timeout: 10_000, interval: 20 });
const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

afterEach(cleanup);

describe("Overview screen", () => {
  it("lists models and work folders, moves the selection with the arrows and opens a model", async () => {
    const older = modelRecord({ dir: "/data/models/hey-nova", name: "models/hey-nova" });
    const newer = modelRecord({
      dir: "/data/projects/p1/models/m2",
      name: "projects/p1/models/m2",
      evaluation: undefined,
      manifest: {
        ...older.manifest,
        phrase: "ok robot",
        threshold: 0.7,
        createdAt: "2026-12-05T10:00:00Z",
      },
    });
    const { services } = fakeServices({
      readDataDir: async (dataDir) => ({
        dataDir,
        exists: true,
        models: [newer, older],
        unreadable: [
          {
            dir: "/data/models/broken",
            reason: "/data/models/broken/wakeforge.json is not a JSON object",
          },
        ],
        work: [
          {
            dir: "/data/work/hey-nova",
            slug: "hey-nova",
            phrase: "hey nova",
            synthetic: { positives: 8, negatives: 8, voices: 11 },
            backgroundMinutes: 1,
            negativeMinutes: 1,
            embeddingCache: true,
          },
        ],
      }),
    });
    let selected: string | undefined;
    const opened: string[] = [];
    const renderScreen = () => (
      <OverviewScreen
        dataDir="/data"
        extraModels={[]}
        readDataDir={services.readDataDir}
        selectedModel={selected}
        onSelectModel={(dir) => {
          selected = dir;
          rerender(renderScreen());
        }}
        onOpenModel={(screen, dir) => opened.push(`${screen} ${dir}`)}
        onTrain={() => opened.push("train")}
        width={100}
        height={24}
      />
    );
    const { lastFrame, stdin, rerender } = render(renderScreen());
    const frame = () => stripAnsi(lastFrame() ?? "");
    await eventually(() => expect(frame()).toContain("Models (2)"));
    expect(frame()).toMatch(/MODEL\s+PHRASE\s+THRESHOLD\s+RECALL\s+FA\/H\s+TRAINED/);
    await eventually(() =>
      expect(frame()).toMatch(
        /› projects\/p1\/models\/m2\s+"ok robot"\s+0\.700\s+-\s+-\s+2026-12-05 10:00/,
      ),
    );
    expect(frame()).toMatch(/ {2}models\/hey-nova\s+"hey nova"\s+0\.405\s+90\.0 %\s+0\.50/);
    expect(frame()).toContain(
      "unreadable: /data/models/broken/wakeforge.json is not a JSON object",
    );
    expect(frame()).toMatch(
      /hey-nova\s+"hey nova"\s+8\+8 clips, 11 voices\s+1\.0 min\s+1\.0 min\s+embeddings/,
    );
    await eventually(() => expect(selected).toBe("/data/projects/p1/models/m2"));
    await settle();
    stdin.write("\u001B[B");
    await eventually(() => expect(frame()).toMatch(/› models\/hey-nova/));
    stdin.write("\r");
    stdin.write("d");
    stdin.write("t");
    await settle();
    expect(opened).toEqual(["eval /data/models/hey-nova", "detect /data/models/hey-nova", "train"]);
  });

  it("invites training when the data directory is empty", async () => {
    const { services } = fakeServices();
    const { lastFrame } = render(
      <OverviewScreen
        dataDir="/data"
        extraModels={[]}
        readDataDir={services.readDataDir}
        selectedModel={undefined}
        onSelectModel={() => {}}
        onOpenModel={() => {}}
        onTrain={() => {}}
        width={80}
        height={20}
      />,
    );
    await eventually(() =>
      expect(stripAnsi(lastFrame() ?? "")).toContain("(not created yet: training creates it)"),
    );
    expect(stripAnsi(lastFrame() ?? "")).toContain("No models yet: press t to train one.");
  });
});
