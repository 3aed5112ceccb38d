// The embedded worker: with the default queue (a SQLite file in the data directory) the
// dashboard needs nothing else running, so this server supervises one `wakeforge serve` child
// of its own. It starts on demand (a job is queued, or the queue holds unfinished ones), is
// restarted with a growing pause when it dies, and is stopped with the server. On Redis there is
// none: workers there are started on their machines (docs/workers.md).
import { spawn, type ChildProcess } from "node:child_process";
import { hostname } from "node:os";
import type { DashboardEnv } from "../env";
import type { EmbeddedWorkerState, EmbeddedWorkerStatus } from "./job-types";
import type { CommandLine, LocatedWakeforge } from "./locate-wakeforge";

/** Pause before the first restart; doubled per quick death, at most MAX_RESTART_PAUSE_MS. */
const FIRST_RESTART_PAUSE_MS = 1_000;
const MAX_RESTART_PAUSE_MS = 30_000;
/** A child that ran this long before dying is restarted at once (the pause starts over). */
const HEALTHY_RUN_MS = 60_000;
/** Lines of the child's output kept for the Jobs page. */
const OUTPUT_LINES = 40;

export interface EmbeddedWorkerOptions {
  readonly env: DashboardEnv;
  /** The SQLite queue file it serves. */
  readonly queueLocation: string;
  readonly locate: () => Promise<LocatedWakeforge>;
  /** Default `spawn` from node:child_process (tests pass their own). */
  readonly spawnChild?: typeof spawn;
}

/** This machine's embedded worker's name in the queue: stable across its restarts. */
export function embeddedWorkerId(): string {
  return `${hostname()}-dashboard`;
}

export class EmbeddedWorker {
  readonly workerId = embeddedWorkerId();
  private child: ChildProcess | undefined;
  private state: EmbeddedWorkerState = "off";
  private since: number | undefined;
  private restarts = 0;
  private pauseMs = FIRST_RESTART_PAUSE_MS;
  private problem: string | null = null;
  private output: string[] = [];
  private restartTimer: ReturnType<typeof setTimeout> | undefined;
  private stopping = false;
  private starting: Promise<void> | undefined;
  private readonly options: EmbeddedWorkerOptions;
  private readonly stopOnExit = () => this.child?.kill("SIGTERM");

  constructor(options: EmbeddedWorkerOptions) {
    this.options = options;
  }

  status(): EmbeddedWorkerStatus {
    return {
      state: this.state,
      workerId: this.workerId,
      pid: this.child?.pid ?? null,
      since: this.since === undefined ? null : new Date(this.since).toISOString(),
      restarts: this.restarts,
      problem: this.problem,
      output: [...this.output],
    };
  }

  /** Starts the worker unless it runs (or is about to); resolves once it was spawned or refused. */
  ensureRunning(): Promise<void> {
    if (this.stopping || this.state === "running" || this.state === "restarting") {
      return Promise.resolve();
    }
    this.starting ??= this.start().finally(() => (this.starting = undefined));
    return this.starting;
  }

  /** Stops the worker (SIGTERM: it hands a running job back to the queue) and keeps it stopped. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGTERM");
    await exited;
  }

  private async start(): Promise<void> {
    this.state = "starting";
    const located = await this.options.locate();
    if ("missing" in located) {
      this.state = "unavailable";
      this.problem = located.missing;
      return;
    }
    if (this.stopping) return;
    this.spawnWorker(located.found);
  }

  private spawnWorker(program: CommandLine): void {
    const { env, queueLocation } = this.options;
    const args = [
      ...program.args,
      "serve",
      "--queue",
      queueLocation,
      "--worker-id",
      this.workerId,
      "--concurrency",
      "1",
      "--backend",
      env.backend,
    ];
    const child = (this.options.spawnChild ?? spawn)(program.command, args, {
      // The worker's data directory is the dashboard's: its caches, generated audio and job logs
      // (jobs/<id>.log) land where the dashboard reads them.
      env: { ...process.env, WAKEFORGE_DATA_DIR: env.dataDir },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    this.state = "running";
    this.since = Date.now();
    this.problem = null;
    process.once("exit", this.stopOnExit);
    const keep = (chunk: Buffer) => {
      const lines = chunk
        .toString("utf8")
        .split("\n")
        .filter((line) => line.trim() !== "");
      this.output = [...this.output, ...lines].slice(-OUTPUT_LINES);
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    child.once("error", (error) => {
      this.problem = `could not start ${program.command}: ${error.message}`;
    });
    child.once("close", (code, signal) => {
      process.off("exit", this.stopOnExit);
      if (this.child === child) this.child = undefined;
      const ranMs = Date.now() - (this.since ?? Date.now());
      this.problem ??= `wakeforge serve exited (${signal ?? `code ${code}`})`;
      if (this.stopping) {
        this.state = "off";
        return;
      }
      this.scheduleRestart(program, ranMs);
    });
  }

  private scheduleRestart(program: CommandLine, ranMs: number): void {
    if (ranMs >= HEALTHY_RUN_MS) this.pauseMs = FIRST_RESTART_PAUSE_MS;
    const pause = this.pauseMs;
    this.pauseMs = Math.min(MAX_RESTART_PAUSE_MS, this.pauseMs * 2);
    this.state = "restarting";
    this.restartTimer = setTimeout(() => {
      if (this.stopping) return;
      this.restarts += 1;
      const problem = this.problem;
      this.spawnWorker(program);
      // Keep saying why it had to restart until the new one has shown it is healthy.
      this.problem = problem;
    }, pause);
    this.restartTimer.unref();
  }
}
