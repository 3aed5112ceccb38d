import { appendFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { jobLogPath, readJobLog } from "./job-log.js";

const dir = mkdtempSync(join(tmpdir(), "wakeforge-tui-log-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("job log", () => {
  it("names the log as the worker does", () => {
    expect(jobLogPath("/d", "tui-1")).toBe("/d/jobs/tui-1.log");
    expect(jobLogPath("/d", "../x y")).toBe("/d/jobs/%2E%2E%2Fx%20y.log");
  });

  it("reads whole lines as they arrive, across a split line and a split character, skipping bad ones", async () => {
    const path = jobLogPath(dir, "job");
    const bad: string[] = [];
    const log = readJobLog(path, (line) => bad.push(line));
    expect(await log.read()).toEqual([]); // no file yet
    mkdirSync(dirname(path), { recursive: true });
    const event = JSON.stringify({
      type: "log",
      jobId: "job",
      timeMs: 1,
      level: "info",
      message: "héllo",
    });
    const bytes = Buffer.from(`${event}\nnot json\n`);
    const split = bytes.indexOf(Buffer.from("é")) + 1; // in the middle of "é"
    appendFileSync(path, bytes.subarray(0, split));
    expect(await log.read()).toEqual([]);
    appendFileSync(path, bytes.subarray(split));
    const events = await log.read();
    expect(events).toEqual([
      { type: "log", jobId: "job", timeMs: 1, level: "info", message: "héllo" },
    ]);
    expect(bad).toEqual(["not json"]);
    expect(await log.read()).toEqual([]);
  });
});
