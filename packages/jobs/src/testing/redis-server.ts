// A real redis-server on a free port with its own folder, for tests of code on the Redis queue.
// It keeps its data across a restart (append-only file, flushed when the server stops on
// SIGTERM), so tests can restart Redis under running workers. Set REDIS_SERVER for another binary.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const BINARY = process.env.REDIS_SERVER ?? "redis-server";
const START_TIMEOUT_MS = 15_000;

/** Why Redis tests cannot run here, or undefined when redis-server is installed. */
export const redisServerMissing: string | undefined = (() => {
  const probe = spawnSync(BINARY, ["--version"], { encoding: "utf8" });
  return probe.error || probe.status !== 0
    ? `${BINARY} is not installed (apt-get install redis-server): the Redis queue tests are skipped`
    : undefined;
})();

export interface RedisServer {
  readonly port: number;
  readonly url: string;
  /** Stops the server (SIGTERM: it flushes its append-only file first). */
  stop(): Promise<void>;
  /** Starts it again on the same port and folder; resolves once it answers PING. */
  start(): Promise<void>;
  /** Stops it and removes its folder. */
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}

/** Whether a server on `port` answers PING with PONG (not LOADING: it must be ready). */
function pong(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: "127.0.0.1" });
    let reply = "";
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once("error", () => done(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.on("data", (chunk) => {
      reply += chunk.toString();
      if (reply.includes("\r\n")) done(reply.startsWith("+PONG"));
    });
  });
}

/** Starts redis-server on a free port in a new temporary folder. */
export async function startRedisServer(): Promise<RedisServer> {
  const dir = mkdtempSync(join(tmpdir(), "wakeforge-redis-"));
  const port = await freePort();
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  const output: string[] = [];
  const killOnExit = () => child?.kill("SIGKILL");

  async function start(): Promise<void> {
    if (child) throw new Error("redis-server is already running");
    const args = ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir];
    args.push("--appendonly", "yes", "--save", "", "--daemonize", "no", "--logfile", "");
    const started = spawn(BINARY, args, { stdio: ["ignore", "pipe", "pipe"] });
    child = started;
    started.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    started.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    exited = new Promise((resolve) =>
      started.once("exit", () => {
        if (child === started) child = undefined;
        resolve();
      }),
    );
    process.once("exit", killOnExit);
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (!(await pong(port))) {
      if (child !== started || Date.now() > deadline) {
        throw new Error(`redis-server did not start on port ${port}:\n${output.join("")}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async function stop(): Promise<void> {
    child?.kill("SIGTERM");
    await exited;
    process.removeListener("exit", killOnExit);
  }

  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    start,
    stop,
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
