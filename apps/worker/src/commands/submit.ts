import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { describeJob, parseJobSpecJson } from "@wakeforge/jobs";
import { describeQueueLocation, openQueue, queueLocation } from "@wakeforge/jobs/node";
import { readWorkerEnv } from "../env.js";
import { EXIT } from "../exit-codes.js";
import { wholeNumberFlag } from "../flags.js";
import type { CommandIo } from "../io.js";
import { resolveSpecPaths } from "../jobs/spec-paths.js";
import { UsageError } from "../usage-error.js";

export const SUBMIT_HELP = `wakeforge submit [--queue Q] JOB.json [--id ID] [--max-attempts N]

Checks a job spec file and queues it for a worker (wakeforge serve); prints the job's id on
stdout. A spec that does not check out is not queued: every problem is printed as
FILE: FIELD: PROBLEM and the command exits 1. Paths in the spec are relative to the spec
file's folder and are stored absolute, so every worker must see them at the same place
(examples in examples/jobs/, fields in docs/workers.md).

  --queue Q            a SQLite file or redis://HOST:PORT; default $WAKEFORGE_QUEUE, else
                       $WAKEFORGE_DATA_DIR/queue.sqlite
  --id ID              the job's id (default a random UUID); an id already queued is an error
  --max-attempts N     runs the job may start before it fails for good (default 3)`;

export async function submit(argv: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      queue: { type: "string" },
      id: { type: "string" },
      "max-attempts": { type: "string" },
    },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0 ? "JOB.json is required" : "give one JOB.json at a time",
    );
  }
  const file = positionals[0] as string;
  if (values.id !== undefined && values.id.trim() === "")
    throw new UsageError("--id: expected an id");
  const maxAttempts =
    values["max-attempts"] === undefined
      ? undefined
      : wholeNumberFlag(values["max-attempts"], "--max-attempts", 1);
  const env = readWorkerEnv(io.env);
  const location = queueLocation(values.queue, env);

  // Checked before the queue is opened: a bad spec changes nothing anywhere.
  const spec = resolveSpecPaths(
    parseJobSpecJson(await readFile(file, "utf8"), file),
    dirname(resolve(file)),
  );
  const queue = await openQueue(location);
  try {
    const record = await queue.submit(spec, {
      ...(values.id === undefined ? {} : { id: values.id.trim() }),
      ...(maxAttempts === undefined ? {} : { maxAttempts }),
    });
    io.stdout.write(`${record.id}\n`);
    io.stderr.write(
      `queued job ${record.id}: ${describeJob(record.spec)} on ${describeQueueLocation(location)}\n`,
    );
  } finally {
    await queue.close();
  }
  return EXIT.ok;
}
