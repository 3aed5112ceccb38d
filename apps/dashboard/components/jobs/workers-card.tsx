import type { QueueView, WorkerView } from "../../lib/jobs/job-types";
import { Card } from "../card";
import { utcClock } from "./job-time";

/** The queue, the embedded worker this server runs, and every worker the jobs name. */
export function WorkersCard({
  queue,
  workers,
}: {
  readonly queue: QueueView;
  readonly workers: readonly WorkerView[];
}) {
  const embedded = queue.embeddedWorker;
  return (
    <Card
      titleId="workers-title"
      title="Queue and workers"
      sub={
        <>
          {queue.kind === "sqlite" ? "Embedded queue" : "Redis queue"}{" "}
          <code data-testid="queue-location">{queue.location}</code>
        </>
      }
      data-testid="workers"
    >
      <div className="card-body">
        {embedded ? (
          <p data-testid="embedded-worker" data-state={embedded.state}>
            <strong>Embedded worker</strong> {embedded.workerId}: this server runs one{" "}
            <code>wakeforge serve</code> of its own on the embedded queue, started when there is
            work, restarted if it stops, stopped with the server.{" "}
            {embedded.state === "running"
              ? `Running (process ${embedded.pid}) since ${utcClock(embedded.since ?? "")}.`
              : embedded.state === "off"
                ? "Not started: no job has needed it yet."
                : `${embedded.state[0]?.toUpperCase()}${embedded.state.slice(1)}.`}
            {embedded.restarts > 0 ? ` Restarted ${embedded.restarts} times.` : ""}
            {embedded.problem ? <span className="muted"> {embedded.problem}</span> : null}
          </p>
        ) : (
          <p className="hint">
            On Redis the dashboard runs no worker of its own: start <code>wakeforge serve</code> on
            each worker machine with <code>WAKEFORGE_QUEUE</code> set to this queue.
          </p>
        )}
        {workers.length === 0 ? (
          <p className="hint" data-testid="workers-empty">
            No worker has taken a job from this queue yet.
          </p>
        ) : (
          <table className="data" data-testid="workers-table">
            <thead>
              <tr>
                <th>Worker</th>
                <th>Backend</th>
                <th>Now</th>
                <th>Jobs taken</th>
                <th>Last seen</th>
              </tr>
            </thead>
            <tbody>
              {workers.map((worker) => (
                <tr key={worker.id} data-testid="worker-row" data-worker={worker.id}>
                  <td>
                    {worker.id}
                    {worker.embedded ? <span className="badge badge-accent">embedded</span> : null}
                  </td>
                  <td data-testid="worker-backend">{worker.backend ?? "—"}</td>
                  <td>{worker.runningJobId ? `running ${worker.runningJobId}` : "idle"}</td>
                  <td>{worker.jobsRun}</td>
                  <td>{utcClock(worker.lastSeenAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </Card>
  );
}
