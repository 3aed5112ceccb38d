import type { Metadata } from "next";
import { JobsBoard } from "../../components/jobs/jobs-board";
import { Message } from "../../components/message";
import { getQueue } from "../../lib/jobs/job-queue";
import { jobsOverview } from "../../lib/jobs/jobs-overview";
import { getEmbeddedWorker, startEmbeddedWorkerIfNeeded } from "../../lib/jobs/server-worker";
import { getStore } from "../../lib/store/server-store";

export const metadata: Metadata = { title: "Jobs" };
export const dynamic = "force-dynamic";

/** The Jobs page: the queue, its workers and their backends, and every job with its log. */
export default async function JobsPage() {
  let content;
  try {
    const [store, { queue, target }, embedded] = await Promise.all([
      getStore(),
      getQueue(),
      getEmbeddedWorker(),
    ]);
    await startEmbeddedWorkerIfNeeded(queue);
    content = <JobsBoard initial={await jobsOverview(store, queue, target, embedded)} />;
  } catch (error) {
    content = (
      <Message kind="error" testId="queue-unreachable">
        The job queue cannot be opened: {(error as Error).message}
      </Message>
    );
  }
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Jobs</h1>
          <p>
            Training and other work queued for workers: the one this server runs, or{" "}
            <code>wakeforge serve</code> on other machines sharing a Redis queue.
          </p>
        </div>
      </div>
      {content}
    </>
  );
}
