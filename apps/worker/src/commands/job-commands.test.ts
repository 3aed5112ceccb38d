// submit, jobs and cancel against a SQLite queue in a temporary folder, in this process.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openSqliteQueue } from "@wakeforge/jobs/node";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../cli.js";
import { captureIo } from "../test-capture-io.js";

const root = mkdtempSync(join(tmpdir(), "wakeforge-job-commands-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let dir: string;
let queuePath: string;
let n = 0;
beforeEach(() => {
  dir = join(root, `case-${++n}`);
  mkdirSync(dir);
  queuePath = join(dir, "queue.sqlite");
});

const env = () => ({ ...process.env, WAKEFORGE_DATA_DIR: join(dir, "data") });

async function cli(...argv: string[]) {
  const io = captureIo(env());
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

function specFile(name: string, spec: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof spec === "string" ? spec : JSON.stringify(spec));
  return path;
}

const trainSpec = { kind: "train", word: "hey nova", synth: 8, epochs: 2, out: "models/hey-nova" };

describe("wakeforge submit", () => {
  it("queues a valid spec, prints its id, and resolves paths against the spec's folder", async () => {
    const file = specFile("train.json", trainSpec);
    const { code, out, err } = await cli("submit", "--queue", queuePath, file, "--id", "job-1");
    expect(code, err).toBe(0);
    expect(out).toBe("job-1\n");
    const queue = openSqliteQueue(queuePath);
    const job = await queue.get("job-1");
    await queue.close();
    expect(job).toMatchObject({
      state: "queued",
      maxAttempts: 3,
      spec: { kind: "train", epochs: 2, out: join(dir, "models", "hey-nova") },
    });
  });

  it("rejects a malformed spec with every reason, naming the file, and queues nothing", async () => {
    const file = specFile("bad.json", { kind: "train", word: "hey nova", epoch: 3, synth: -1 });
    const { code, err } = await cli("submit", "--queue", queuePath, file);
    expect(code).toBe(1);
    expect(err).toContain(`${file}: epoch: is not a field of a train job (did you mean "epochs"?)`);
    expect(err).toContain(`${file}: synth: must be an integer of at least 0, got -1`);
    expect(err).toContain(`${file}: out: is required`);
    const broken = specFile("broken.json", '{ "kind": "train",\n}');
    const json = await cli("submit", "--queue", queuePath, broken);
    expect(json.code).toBe(1);
    expect(json.err).toContain(`${broken}: invalid JSON at line 2, column 1`);
    // Checked before the queue is opened: not even an empty queue file is made.
    expect((await cli("jobs", "--queue", queuePath, "--json")).out).toBe("");
  });

  it("says when the file is missing, and what a usage mistake is", async () => {
    const missing = await cli("submit", "--queue", queuePath, join(dir, "nope.json"));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain("nope.json: file not found");
    const none = await cli("submit", "--queue", queuePath);
    expect(none.code).toBe(2);
    expect(none.err).toContain("JOB.json is required");
    const badAttempts = await cli("submit", specFile("t.json", trainSpec), "--max-attempts", "0");
    expect(badAttempts.code).toBe(2);
    expect(badAttempts.err).toContain("--max-attempts 0: expected a whole number ≥ 1");
  });
});

describe("wakeforge jobs", () => {
  it("--json prints one object per job with its state, progress, worker and result", async () => {
    const file = specFile("train.json", trainSpec);
    expect((await cli("submit", file, "--id", "a")).code).toBe(0);
    expect((await cli("submit", file, "--id", "b", "--max-attempts", "1")).code).toBe(0);
    // A worker takes "a" and finishes it; "b" waits.
    const queue = openSqliteQueue(join(dir, "data", "queue.sqlite"));
    const claimed = await queue.claim("worker-1", { leaseMs: 60_000, backend: "wasm" });
    await claimed?.heartbeat(0.5);
    await claimed?.complete({ artifactsDir: "/models/hey-nova" });
    await queue.close();

    const { code, out } = await cli("jobs", "--json");
    expect(code).toBe(0);
    const lines = out
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      id: "a",
      kind: "train",
      state: "completed",
      progress: 1,
      worker: "worker-1",
      backend: "wasm",
      result: "/models/hey-nova",
      error: null,
      attempts: 1,
      maxAttempts: 3,
    });
    expect(lines[1]).toMatchObject({
      id: "b",
      state: "queued",
      progress: 0,
      worker: null,
      backend: null,
      result: null,
      attempts: 0,
      maxAttempts: 1,
    });
    for (const line of lines) {
      expect(Date.parse(line.createdAt as string)).not.toBeNaN();
      expect(Date.parse(line.updatedAt as string)).not.toBeNaN();
    }

    const queued = await cli("jobs", "--state", "queued,running", "--json");
    expect(
      queued.out
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line).id),
    ).toEqual(["b"]);
    const table = await cli("jobs");
    expect(table.out).toMatch(/^ID +KIND +STATE +PROGRESS/);
    expect(table.out).toMatch(
      /\na +train +completed +100% +1\/3 +worker-1 +wasm .*\/models\/hey-nova/,
    );
  });

  it("rejects an unknown state, and says when there is no queue yet", async () => {
    const bad = await cli("jobs", "--state", "done");
    expect(bad.code).toBe(2);
    expect(bad.err).toContain(
      "--state done: expected queued, running, completed, failed, cancelled",
    );
    const empty = await cli("jobs", "--queue", join(dir, "none.sqlite"));
    expect(empty.code).toBe(0);
    expect(empty.err).toContain("no queue at");
  });
});

describe("wakeforge cancel", () => {
  it("cancels a queued job at once, and refuses unknown and finished ones", async () => {
    const file = specFile("train.json", trainSpec);
    await cli("submit", file, "--id", "q");
    const cancelled = await cli("cancel", "q");
    expect(cancelled.code, cancelled.err).toBe(0);
    expect(cancelled.out).toBe("cancelled job q\n");
    expect(JSON.parse((await cli("jobs", "--json")).out)).toMatchObject({ state: "cancelled" });

    const again = await cli("cancel", "q");
    expect(again.code).toBe(1);
    expect(again.err).toContain("job q has already been cancelled");
    const unknown = await cli("cancel", "nope");
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain("no job nope in");
    const noQueue = await cli("cancel", "--queue", join(dir, "none.sqlite"), "x");
    expect(noQueue.code).toBe(1);
    expect(noQueue.err).toContain("no job x: there is no queue at");
    const noId = await cli("cancel");
    expect(noId.code).toBe(2);
    expect(noId.err).toContain("the job's ID is required");
  });

  it("flags a running job for its worker", async () => {
    await cli("submit", specFile("train.json", trainSpec), "--id", "r");
    const queue = openSqliteQueue(join(dir, "data", "queue.sqlite"));
    const claimed = await queue.claim("worker-1", { leaseMs: 60_000 });
    const { code, out } = await cli("cancel", "r");
    expect(code).toBe(0);
    expect(out).toContain("asked worker worker-1 to stop job r");
    expect(await claimed?.heartbeat()).toEqual({ cancelRequested: true });
    await claimed?.acknowledgeCancel();
    await queue.close();
    const done = await cli("cancel", "r");
    expect(done.code).toBe(1);
  });
});

describe("wakeforge serve", () => {
  it("checks its flags before it starts", async () => {
    for (const [flag, value, message] of [
      ["--concurrency", "0", "--concurrency 0: expected a whole number ≥ 1"],
      ["--lease-seconds", "soon", "--lease-seconds soon: expected a whole number ≥ 1"],
      ["--backend", "tpu", "--backend tpu: expected auto"],
      ["--worker-id", " ", "--worker-id: expected a name"],
    ] as const) {
      const { code, err } = await cli("serve", "--queue", queuePath, flag, value);
      expect(code, flag).toBe(2);
      expect(err).toContain(message);
    }
    const extra = await cli("serve", "now");
    expect(extra.code).toBe(2);
    expect(extra.err).toContain("unexpected argument now");
  });
});
