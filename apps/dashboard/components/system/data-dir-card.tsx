import type { DataDirStatus } from "../../lib/system-status";

const STATE: Record<DataDirStatus["state"], { label: string; badge: string; note: string }> = {
  writable: {
    label: "writable",
    badge: "badge badge-ok",
    note: "Ready to hold projects, audio and models.",
  },
  missing: {
    label: "not created yet",
    badge: "badge",
    note: "wakeforge creates it the first time it saves something.",
  },
  "read-only": {
    label: "read-only",
    badge: "badge badge-bad",
    note: "This server cannot write here: projects and models could not be saved.",
  },
  "not-a-directory": {
    label: "not a directory",
    badge: "badge badge-bad",
    note: "Something other than a folder has this name: move it or choose another path.",
  },
};

/** Where projects, audio, models and the job database live. */
export function DataDirCard({ dataDir }: { readonly dataDir: DataDirStatus }) {
  const state = STATE[dataDir.state];
  return (
    <section className="card" aria-labelledby="data-dir-title">
      <div className="card-head">
        <div>
          <h2 id="data-dir-title">Data directory</h2>
          <p className="card-sub">Projects, recordings, models and the job database</p>
        </div>
        <span className={state.badge} data-testid="data-dir-state">
          {state.label}
        </span>
      </div>
      <div className="card-body">
        <dl className="facts">
          <dt>Path</dt>
          <dd>
            <code data-testid="data-dir-path">{dataDir.path}</code>
          </dd>
          <dt>Set by</dt>
          <dd>
            {dataDir.source === "WAKEFORGE_DATA_DIR" ? (
              <code>WAKEFORGE_DATA_DIR</code>
            ) : (
              <>
                default: <code>.wakeforge</code> in the repository root
              </>
            )}
          </dd>
        </dl>
        <p className="headline-note" style={{ margin: "12px 0 0" }}>
          {state.note} Set <code>WAKEFORGE_DATA_DIR</code> to keep data elsewhere; a relative path
          is taken from the repository root.
        </p>
      </div>
    </section>
  );
}
