import type { SystemStatus } from "../../lib/system-status";
import { formatBytes, formatDuration } from "../../lib/format";

/** The Node.js runtime and the machine under it. */
export function RuntimeCard({ runtime }: { readonly runtime: SystemStatus["runtime"] }) {
  const { memory } = runtime;
  return (
    <section className="card" aria-labelledby="runtime-title">
      <div className="card-head">
        <div>
          <h2 id="runtime-title">Server runtime</h2>
          <p className="card-sub">The machine this dashboard&rsquo;s server runs on</p>
        </div>
      </div>
      <div className="card-body">
        <dl className="facts">
          <dt>Node.js</dt>
          <dd className="mono" data-testid="node-version">
            {runtime.node}
          </dd>
          <dt>Platform</dt>
          <dd>
            <span data-testid="platform">
              {runtime.platform} {runtime.arch}
            </span>{" "}
            <span className="headline-note">({runtime.os})</span>
          </dd>
          <dt>CPUs</dt>
          <dd>
            <span data-testid="cpu-count">{runtime.cpuCount}</span>
            {runtime.cpuModel ? <span className="headline-note"> × {runtime.cpuModel}</span> : null}
          </dd>
          <dt>Memory</dt>
          <dd data-testid="memory">
            {formatBytes(memory.freeBytes)} free of {formatBytes(memory.totalBytes)}
          </dd>
          <dt>Server process</dt>
          <dd>
            {formatBytes(memory.processBytes)} resident · up {formatDuration(runtime.uptimeSeconds)}
          </dd>
        </dl>
      </div>
    </section>
  );
}
