import { cleanup, render } from "ink-testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import { stripAnsi } from "../../../test/ansi.js";
import { fakeServices, queuedJob } from "../../../test/fake-services.js";
import { JobsScreen } from "./JobsScreen.js";

const eventually = (assertion: () => void) =>
  vi.waitFor(assertion, { timeout: 10_000, interval: 20 });
const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

afterEach(cleanup);

describe("Jobs screen", () => {
  it("lists the queue's jobs with a progress bar each, and cancels the selected one on c", async () => {
    const fake = fakeServices();
    const { lastFrame, stdin } = render(
      <JobsScreen
        location="redis://:secret@queue.local:6379"
        watchQueue={fake.services.watchQueue}
        height={20}
      />,
    );
    const frame = () => stripAnsi(lastFrame() ?? "");
    expect(frame()).toContain("Queue redis://:***@queue.local:6379");
    fake.queue({
      status: "ready",
      atMs: Date.now(),
      jobs: [
        queuedJob({
          id: "a",
          state: "completed",
          progress: 1,
          result: { artifactsDir: "/models/a" },
        }),
        queuedJob({ id: "b", state: "running", progress: 0.42 }),
      ],
    });
    await eventually(() => expect(frame()).toMatch(/ID\s+KIND\s+STATE\s+PROGRESS/));
    expect(frame()).toMatch(
      /› a\s+train\s+completed\s+█{10} 100%\s+1\/3\s+host-1\s+\d+ s ago\s+\/models\/a/,
    );
    expect(frame()).toMatch(
      / {2}b\s+train\s+running\s+█{4}░{6} {2}42%.*train "hey nova" → \/data\/models/,
    );
    stdin.write("c");
    await eventually(() => expect(frame()).toContain("job a has ended (completed)"));
    await settle();
    stdin.write("\u001B[B");
    await settle();
    stdin.write("c");
    await eventually(() => expect(fake.cancelled).toEqual(["b"]));
    await eventually(() => expect(frame()).toContain("cancelled job b"));
  });

  it("says when there is no queue yet, and why one cannot be read", async () => {
    const fake = fakeServices();
    const { lastFrame } = render(
      <JobsScreen location="/q.sqlite" watchQueue={fake.services.watchQueue} height={20} />,
    );
    fake.queue({
      status: "absent",
      message: "no queue at /q.sqlite yet: nothing was submitted there",
    });
    await eventually(() =>
      expect(stripAnsi(lastFrame() ?? "")).toContain("no queue at /q.sqlite yet"),
    );
    fake.queue({ status: "failed", message: "redis://x: no Redis server answered within 5000 ms" });
    await eventually(() =>
      expect(stripAnsi(lastFrame() ?? "")).toContain("no Redis server answered"),
    );
  });
});
