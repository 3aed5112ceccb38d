import { parseArgs } from "node:util";
import { isFinalJobState } from "@wakeforge/jobs";
import {
  describeQueueLocation,
  openQueue,
  queueLocation,
  queueMayExist,
} from "@wakeforge/jobs/node";
import { readWorkerEnv } from "../env.js";
import { EXIT } from "../exit-codes.js";
import type { CommandIo } from "../io.js";
import { UsageError } from "../usage-error.js";

export const CANCEL_HELP = `wakeforge cancel [--queue Q] ID

Cancels a job: a queued one at once; a running one is stopped by its worker at its next
heartbeat (a few seconds) and ends cancelled. A job that already ended (completed, failed,
cancelled) cannot be cancelled: exit 1.

  --queue Q       a SQLite file or redis://HOST:PORT; default $WAKEFORGE_QUEUE, else
                  $WAKEFORGE_DATA_DIR/queue.sqlite`;

export async function cancelJob(argv: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: { queue: { type: "string" } },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length !== 1)
    throw new UsageError(positionals.length === 0 ? "the job's ID is required" : "give one ID");
  const id = positionals[0] as string;
  const location = queueLocation(values.queue, readWorkerEnv(io.env));
  const where = describeQueueLocation(location);
  if (!queueMayExist(location)) {
    io.stderr.write(`wakeforge cancel: no job ${id}: there is no queue at ${where}\n`);
    return EXIT.failure;
  }
  const queue = await openQueue(location);
  try {
    const job = await queue.get(id);
    if (!job) {
      io.stderr.write(`wakeforge cancel: no job ${id} in ${where} (wakeforge jobs lists them)\n`);
      return EXIT.failure;
    }
    // Failed is not final (a failed job may be queued again), but it is not running either.
    if (isFinalJobState(job.state) || job.state === "failed") {
      io.stderr.write(
        `wakeforge cancel: job ${id} has already ${job.state === "cancelled" ? "been cancelled" : job.state}; only queued and running jobs can be cancelled\n`,
      );
      return EXIT.failure;
    }
    const record = await queue.cancel(id);
    io.stdout.write(
      record.state === "cancelled"
        ? `cancelled job ${id}\n`
        : `asked worker ${record.worker ?? "?"} to stop job ${id}; it ends cancelled at the worker's next heartbeat (or when its lease runs out)\n`,
    );
  } finally {
    await queue.close();
  }
  return EXIT.ok;
}
