// A worker process for the queue processes tests (test-queue-processes.ts): it runs jobs from
// the queue at a location, as `openQueue` opens it (a SQLite file or a redis:// URL), with the
// real adapter (compiled by the test; its path is the first argument) until SIGTERM. A job's
// "work" is one step per epoch of its train spec, `stepMs` each, with a heartbeat after every
// step; its artefact is written atomically (a partial file renamed into place) and then, once
// the job is completed, its id is appended to a shared log, so the test can count how often
// each job completed.
//
// Usage: node queue-worker.mjs <compiled node/index.js> <json config>
//   config: { location, options, workerId, leaseMs, stepMs, pollMs, logFile }
// Prints one JSON line per event to stdout; exits 0 after SIGTERM (releasing a job it holds).
import { appendFileSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";

const [modulePath, configText] = process.argv.slice(2);
const config = JSON.parse(configText);
const { openQueue } = await import(pathToFileURL(modulePath).href);

let stopping = false;
process.on("SIGTERM", () => {
  stopping = true;
});

const report = (event, fields = {}) =>
  process.stdout.write(`${JSON.stringify({ event, worker: config.workerId, ...fields })}\n`);

/** Runs one claimed job; returns without completing it when the worker must stop. */
async function run(job) {
  const { id, spec } = job.record;
  const steps = spec.epochs;
  for (let step = 1; step <= steps; step++) {
    await sleep(config.stepMs);
    if (stopping) {
      await job.release();
      report("released", { id, step });
      return;
    }
    const { cancelRequested } = await job.heartbeat(step / steps);
    if (cancelRequested) {
      await job.acknowledgeCancel();
      report("cancelled", { id, step });
      return;
    }
  }
  mkdirSync(spec.out, { recursive: true });
  const partial = join(spec.out, `.partial-${process.pid}`);
  writeFileSync(partial, JSON.stringify({ jobId: id, steps, worker: config.workerId }));
  renameSync(partial, join(spec.out, "result.json"));
  await job.complete({ artifactsDir: spec.out });
  appendFileSync(config.logFile, `${id}\n`); // O_APPEND: lines from several workers never mix
  report("completed", { id });
}

const queue = await openQueue(config.location, config.options ?? {});
report("started", { pid: process.pid });
while (!stopping) {
  const job = await queue.claim(config.workerId, { leaseMs: config.leaseMs, backend: "cpu" });
  if (!job) {
    await sleep(config.pollMs);
    continue;
  }
  report("claimed", { id: job.record.id, attempts: job.record.attempts });
  try {
    await run(job);
  } catch (error) {
    // A lost lease (say, after a long pause) is not this worker's job any more: drop it.
    if (error?.code !== "LEASE_LOST") throw error;
    report("lease-lost", { id: job.record.id });
  }
}
await queue.close();
report("stopped");
