// Several real worker processes on one queue file: crashes (SIGKILL), shutdowns (SIGTERM) and
// contention (the scenarios are in test-queue-processes.ts).
import { join } from "node:path";
import { openSqliteQueue } from "./sqlite-queue.js";
import { describeWorkerProcesses } from "./test-queue-processes.js";

describeWorkerProcesses("SQLite", async (dir) => {
  const location = join(dir, "queue.sqlite");
  return { location, queue: openSqliteQueue(location) };
});
