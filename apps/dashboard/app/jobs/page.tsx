import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "../../components/empty-state";
import { StrokeIcon } from "../../components/stroke-icon";

export const metadata: Metadata = { title: "Jobs" };

export default function JobsPage() {
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Jobs</h1>
          <p>Training, evaluation and export, running here or on worker machines.</p>
        </div>
      </div>
      <EmptyState
        title="Jobs are coming next"
        icon={
          <StrokeIcon>
            <path d="M4 6h16M4 12h10M4 18h6" />
          </StrokeIcon>
        }
      >
        <p>
          No jobs can be queued from the dashboard yet. When they can, this page will show every
          job, queued, running or finished, with:
        </p>
        <ul>
          <li>live progress per epoch, and which machine and backend run it</li>
          <li>the transfer and from-scratch curves as they are drawn</li>
          <li>logs, failures with their reasons, and a way to cancel or retry</li>
        </ul>
        <p>
          Jobs run in this server on a single machine, or on any number of{" "}
          <code>wakeforge serve</code> workers sharing a Redis queue. The{" "}
          <Link href="/system">System</Link> page shows whether Redis is installed here.
        </p>
      </EmptyState>
    </>
  );
}
