// The embedded worker's supervision with a stand-in for `wakeforge serve`: a real child process
// that records its arguments and then waits, so starting, restarting after a death and stopping
// are what the server does with the real one.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseEnv } from "../env";
import { EmbeddedWorker, type EmbeddedWorkerOptions } from "./embedded-worker";

let dir: string;
let worker: EmbeddedWorker | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "wakeforge-embedded-"));
});

afterEach(async () => {
  await worker?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** A program that writes its argv and data directory to `args.json`, then idles until killed. */
function standIn(): string {
  const script = join(dir, "serve.mjs");
  writeFileSync(
    script,
    `import { writeFileSync } from "node:fs";
writeFileSync(${JSON.stringify(join(dir, "args.json"))}, JSON.stringify({ argv: process.argv.slice(2), dataDir: process.env.WAKEFORGE_DATA_DIR }));
console.log("serving");
setInterval(() => {}, 1000);
`,
  );
  return script;
}

function embedded(locate: EmbeddedWorkerOptions["locate"]) {
  const env = parseEnv(
    { WAKEFORGE_DATA_DIR: join(dir, "data") },
    { nodeBackends: ["node", "wasm", "cpu"], cwd: dir },
  );
  return new EmbeddedWorker({ env, queueLocation: join(dir, "data", "queue.sqlite"), locate });
}

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("the embedded worker", () => {
  it("serves the dashboard's queue and data directory, comes back when killed, and stops", async () => {
    const script = standIn();
    worker = embedded(async () => ({
      found: { command: process.execPath, args: [script], from: "test" },
    }));
    expect(worker.status().state).toBe("off");
    await worker.ensureRunning();
    await worker.ensureRunning();
    const first = worker.status();
    expect(first).toMatchObject({ state: "running", restarts: 0 });
    await until(() => worker!.status().output.includes("serving"), "it printed");
    const recorded = JSON.parse(readFileSync(join(dir, "args.json"), "utf8")) as {
      argv: string[];
      dataDir: string;
    };
    expect(recorded.dataDir).toBe(join(dir, "data"));
    expect(recorded.argv).toEqual([
      "serve",
      "--queue",
      join(dir, "data", "queue.sqlite"),
      "--worker-id",
      worker.workerId,
      "--concurrency",
      "1",
      "--backend",
      "auto",
    ]);

    process.kill(first.pid!, "SIGKILL");
    await until(
      () => worker!.status().restarts === 1 && worker!.status().state === "running",
      "it restarted",
    );
    const second = worker.status();
    expect(second.pid).not.toBe(first.pid);
    expect(second.problem).toContain("SIGKILL");

    await worker.stop();
    expect(worker.status()).toMatchObject({ state: "off", pid: null });
    await worker.ensureRunning();
    expect(worker.status().state).toBe("off");
  });

  it("says why when there is no wakeforge program to run", async () => {
    worker = embedded(async () => ({ missing: "the wakeforge command was not found" }));
    await worker.ensureRunning();
    expect(worker.status()).toMatchObject({
      state: "unavailable",
      problem: "the wakeforge command was not found",
      pid: null,
    });
  });
});
