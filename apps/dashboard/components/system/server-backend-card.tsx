import { Fragment } from "react";
import type { SystemStatus } from "../../lib/system-status";
import { formatDetail } from "../../lib/format";

type Row = {
  name: string;
  state: "in use" | "skipped" | "not needed" | "not tried";
  reason?: string;
};

/** One row per backend `auto` tries, saying what happened to it. */
function ladder(backend: SystemStatus["backend"]): Row[] {
  if (backend.state !== "ready") return [];
  const { report, order } = backend;
  const auto = report.requested === "auto";
  const inUse = order.findIndex((name) => name === report.backend);
  return order.map((name, index): Row => {
    if (index === inUse) {
      return {
        name,
        state: "in use",
        reason: auto ? "the best backend that works here" : "as requested",
      };
    }
    const skipped = report.skipped.find((s) => s.backend === name);
    if (skipped) return { name, state: "skipped", reason: skipped.reason };
    if (auto && index > inUse)
      return { name, state: "not needed", reason: "a better backend runs" };
    return {
      name,
      state: "not tried",
      reason: auto ? undefined : "a specific backend was requested",
    };
  });
}

const BADGE: Record<Row["state"], string> = {
  "in use": "badge badge-ok",
  skipped: "badge badge-warn",
  "not needed": "badge",
  "not tried": "badge",
};

/** The TensorFlow.js backend this server trains and runs models on, and why better ones were skipped. */
export function ServerBackendCard({ backend }: { readonly backend: SystemStatus["backend"] }) {
  return (
    <section className="card" aria-labelledby="server-backend-title" data-testid="server-panel">
      <div className="card-head">
        <div>
          <h2 id="server-backend-title">TensorFlow.js on the server</h2>
          <p className="card-sub">Trains and runs models in this Node.js process</p>
        </div>
        <span className="badge badge-accent">
          {backend.requested === "auto" ? "auto" : `WAKEFORGE_BACKEND=${backend.requested}`}
        </span>
      </div>
      <div className="card-body">
        {backend.state === "ready" ? (
          <>
            <div className="headline">
              <span className="headline-value" data-testid="server-backend">
                {backend.report.backend}
              </span>
              <span className="badge badge-ok">in use</span>
              <span className="headline-note">
                {backend.report.requested === "auto" ? "chosen automatically" : "as requested"} ·
                started in {backend.startupMillis} ms
              </span>
            </div>
            <dl className="facts">
              <dt>tfjs backend</dt>
              <dd className="mono" data-testid="server-tf-backend">
                {backend.report.tfBackend}
              </dd>
              {Object.entries(backend.report.details).map(([key, value]) => (
                <Fragment key={key}>
                  <dt>{key === "simd" ? "SIMD" : key}</dt>
                  <dd data-testid={`server-detail-${key}`}>{formatDetail(value)}</dd>
                </Fragment>
              ))}
            </dl>
            <h3 className="section-label">Tried in order, best first</h3>
            <ul className="ladder">
              {ladder(backend).map((row) => (
                <li
                  key={row.name}
                  data-testid="server-ladder-row"
                  data-backend={row.name}
                  data-state={row.state}
                  data-in-use={row.state === "in use"}
                >
                  <span className="ladder-name">{row.name}</span>
                  <span>
                    <span className={BADGE[row.state]}>{row.state}</span>
                  </span>
                  <span className="ladder-reason" data-testid="server-ladder-reason">
                    {row.reason ?? ""}
                  </span>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <div className="alert" role="alert" data-testid="server-backend-error">
            <strong>No backend runs.</strong> {backend.error}
            {backend.requested !== "auto" && (
              <>
                {" "}
                Unset <code>WAKEFORGE_BACKEND</code> (or set it to <code>auto</code>) to use the
                best backend that works here.
              </>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
