import type { ProgramStatus } from "@wakeforge/core";

interface ProgramsCardProps {
  readonly programs: readonly ProgramStatus[];
  readonly installCommand: string;
}

/** The system programs wakeforge's features call, found on PATH or not. */
export function ProgramsCard({ programs, installCommand }: ProgramsCardProps) {
  const found = programs.filter((p) => p.found).length;
  const allFound = found === programs.length;
  return (
    <section
      className="card span-all"
      aria-labelledby="programs-title"
      data-testid="programs-panel"
    >
      <div className="card-head">
        <div>
          <h2 id="programs-title">System programs</h2>
          <p className="card-sub">
            Looked up on the server&rsquo;s PATH; features that need a missing one say so
          </p>
        </div>
        <span
          className={allFound ? "badge badge-ok" : "badge badge-warn"}
          data-testid="programs-summary"
        >
          {found} of {programs.length} found
        </span>
      </div>
      <div className="card-body table-wrap">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Program</th>
              <th scope="col">What wakeforge uses it for</th>
              <th scope="col">Status</th>
              <th scope="col" className="col-install">
                Install
              </th>
            </tr>
          </thead>
          <tbody>
            {programs.map((program) => (
              <tr
                key={program.name}
                data-testid="program-row"
                data-program={program.name}
                data-found={program.found}
              >
                <td className="program">{program.name}</td>
                <td>
                  {program.purpose}
                  <div className="muted">{program.usedBy}</div>
                </td>
                <td className="nowrap">
                  {program.found ? (
                    <span className="badge badge-ok">found</span>
                  ) : (
                    <span className="badge badge-warn">missing</span>
                  )}
                  {program.path ? <div className="muted mono">{program.path}</div> : null}
                  {program.note ? <div className="muted">{program.note}</div> : null}
                </td>
                <td className="muted nowrap col-install">
                  <div>
                    apt: <span className="mono">{program.install.apt}</span>
                  </div>
                  <div>
                    brew: <span className="mono">{program.install.brew}</span>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="card-foot">
        {allFound
          ? "Everything is installed. "
          : "Install what is missing from the repository root with "}
        {allFound ? "To check again from a terminal: " : null}
        <code>{allFound ? `${installCommand} --check` : installCommand}</code>
        {allFound
          ? null
          : " (Debian/Ubuntu; it skips what is already present, and --check only reports)."}
      </div>
    </section>
  );
}
