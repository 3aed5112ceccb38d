import { parseArgs } from "node:util";
import { JOB_STATES, type JobState } from "@wakeforge/jobs";
import {
  describeQueueLocation,
  openQueue,
  queueLocation,
  queueMayExist,
} from "@wakeforge/jobs/node";
import { readWorkerEnv } from "../env.js";
import { EXIT } from "../exit-codes.js";
import type { CommandIo } from "../io.js";
import { jobLine, jobTable } from "../jobs/job-listing.js";
import { UsageError } from "../usage-error.js";

export const JOBS_HELP = `wakeforge jobs [--queue Q] [--state S[,S…]] [--json]

Lists the jobs of a queue, oldest first: state, progress, attempts, the worker and backend that
run or ran each, and where its artefacts are (or why it failed).

  --queue Q       a SQLite file or redis://HOST:PORT; default $WAKEFORGE_QUEUE, else
                  $WAKEFORGE_DATA_DIR/queue.sqlite
  --state S       only jobs in these states: ${JOB_STATES.join(", ")}
  --json          one JSON object per line per job: id, kind, state, progress (0..1), worker,
                  backend, result (the artefacts path or null), error, attempts, maxAttempts,
                  cancelRequested, createdAt, updatedAt, spec`;

function parseStates(value: string | undefined): JobState[] | undefined {
  if (value === undefined) return undefined;
  const states = value.split(",").map((state) => state.trim());
  for (const state of states) {
    if (!(JOB_STATES as readonly string[]).includes(state))
      throw new UsageError(`--state ${state}: expected ${JOB_STATES.join(", ")}`);
  }
  return states as JobState[];
}

export async function listJobs(argv: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      queue: { type: "string" },
      state: { type: "string" },
      json: { type: "boolean", default: false },
    },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}`);
  const states = parseStates(values.state);
  const location = queueLocation(values.queue, readWorkerEnv(io.env));
  if (!queueMayExist(location)) {
    io.stderr.write(`no queue at ${location} yet: nothing was submitted there\n`);
    return EXIT.ok;
  }
  const queue = await openQueue(location);
  try {
    const jobs = await queue.list(states ? { states } : {});
    if (values.json) {
      for (const job of jobs) io.stdout.write(`${JSON.stringify(jobLine(job))}\n`);
    } else if (jobs.length === 0) {
      io.stderr.write(
        `no jobs${states ? ` ${states.join(" or ")}` : ""} in ${describeQueueLocation(location)}\n`,
      );
    } else {
      io.stdout.write(jobTable(jobs));
    }
  } finally {
    await queue.close();
  }
  return EXIT.ok;
}
