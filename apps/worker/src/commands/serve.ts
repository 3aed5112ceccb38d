import { constants, hostname } from "node:os";
import { parseArgs } from "node:util";
import { describeQueueLocation, openQueue, queueLocation } from "@wakeforge/jobs/node";
import { startBackend } from "../backend-choice.js";
import { readWorkerEnv } from "../env.js";
import { EXIT } from "../exit-codes.js";
import { wholeNumberFlag } from "../flags.js";
import type { CommandIo } from "../io.js";
import { runWorkerLoop } from "../jobs/worker-loop.js";
import { UsageError } from "../usage-error.js";

export const DEFAULT_LEASE_SECONDS = 60;
/** Heartbeats come at least this often, so `wakeforge jobs` shows fresh progress. */
const MAX_HEARTBEAT_MS = 5_000;
const POLL_MS = 1_000;

export const SERVE_HELP = `wakeforge serve [--queue PATH|redis://HOST:PORT] [options]

Runs jobs from a queue until stopped: takes the oldest job that is ready, runs it on this
machine's TensorFlow.js backend, renews its lease with heartbeats that carry its progress, and
takes the next. Each job's progress events go to $WAKEFORGE_DATA_DIR/jobs/<id>.log (JSON
lines); a line per job start and end goes to stdout. SIGTERM or Ctrl-C: no new jobs, the
running one stops at its next step (one nearly done finishes) and goes back to the queue for
another worker, then the command exits 0; a second signal exits at once.

  --queue Q            a SQLite file (one machine) or redis://HOST:PORT (many machines);
                       default $WAKEFORGE_QUEUE, else $WAKEFORGE_DATA_DIR/queue.sqlite
  --concurrency N      jobs at once (default 1). They share one backend: more helps only jobs
                       that mostly wait (synthesis, exports); on two cores keep 1
  --backend B          auto|node-gpu|node|wasm|cpu, started once and recorded with each job
  --worker-id ID       this worker's name in the queue (default HOSTNAME-PID)
  --lease-seconds S    a job whose worker sends no heartbeat for this long goes to another
                       worker (default ${DEFAULT_LEASE_SECONDS})`;

export async function serve(argv: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      queue: { type: "string" },
      concurrency: { type: "string" },
      backend: { type: "string" },
      "worker-id": { type: "string" },
      "lease-seconds": { type: "string" },
    },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}`);
  const env = readWorkerEnv(io.env);
  const concurrency = wholeNumberFlag(values.concurrency, "--concurrency", 1);
  const leaseMs =
    1000 * wholeNumberFlag(values["lease-seconds"], "--lease-seconds", DEFAULT_LEASE_SECONDS);
  if (values["worker-id"]?.trim() === "") throw new UsageError("--worker-id: expected a name");
  const workerId = values["worker-id"]?.trim() || `${hostname()}-${process.pid}`;
  const location = queueLocation(values.queue, env);

  const backend = await startBackend(values.backend, io.env);
  const queue = await openQueue(location);
  const say = (line: string) => io.stdout.write(`${new Date().toISOString()} ${line}\n`);
  const stop = new AbortController();
  const release = onStopSignals(io, stop);
  say(
    `worker ${workerId} serving ${describeQueueLocation(location)} (backend ${backend.backend}, concurrency ${concurrency}, lease ${leaseMs / 1000} s)`,
  );
  try {
    await runWorkerLoop({
      queue,
      stop: stop.signal,
      workerId,
      backend: backend.backend,
      dataDir: env.dataDir,
      leaseMs,
      heartbeatMs: Math.min(MAX_HEARTBEAT_MS, leaseMs / 4),
      concurrency,
      pollMs: POLL_MS,
      say,
    });
  } finally {
    release();
    await queue.close();
  }
  say(`worker ${workerId} stopped`);
  return EXIT.ok;
}

/**
 * The first SIGTERM or SIGINT asks the worker to stop gracefully; a second one ends the process
 * at once (the only place the CLI exits by itself: a person pressing Ctrl-C twice means it).
 * Returns a function that removes the handlers.
 */
function onStopSignals(io: CommandIo, stop: AbortController): () => void {
  const handler = (signal: NodeJS.Signals) => {
    if (stop.signal.aborted) {
      io.stderr.write(`wakeforge serve: ${signal} again: exiting now\n`);
      process.exit(128 + (constants.signals[signal] ?? 0));
    }
    io.stderr.write(
      `wakeforge serve: ${signal}: taking no more jobs; the running ones stop at their next step (${signal} again to exit now)\n`,
    );
    stop.abort();
  };
  process.on("SIGTERM", handler);
  process.on("SIGINT", handler);
  return () => {
    process.off("SIGTERM", handler);
    process.off("SIGINT", handler);
  };
}
