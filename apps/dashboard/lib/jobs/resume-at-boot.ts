// At server start: jobs left queued or running when the server last stopped get the embedded
// worker back at once, without waiting for someone to open a page. Nothing happens when the
// queue file is not there yet, so a fresh data directory gets no empty queue.
import { loadEnv } from "../env";
import { queueTarget, getQueue } from "./job-queue";
import { loadJobsNode } from "./load-jobs-node";
import { startEmbeddedWorkerIfNeeded } from "./server-worker";

export async function resumeJobsAtBoot(): Promise<void> {
  const target = await queueTarget(await loadEnv());
  const { queueMayExist } = await loadJobsNode();
  if (target.kind !== "sqlite" || !queueMayExist(target.location)) return;
  const { queue } = await getQueue();
  await startEmbeddedWorkerIfNeeded(queue);
}
